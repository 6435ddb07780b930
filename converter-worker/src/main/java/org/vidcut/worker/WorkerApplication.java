package org.vidcut.worker;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.PropertySource;

/**
 * The converter-worker. Defaults live in {@code converter-worker-defaults.properties}, not
 * {@code application.properties}, so the standalone jar can carry it next to the api-service.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@PropertySource({"classpath:service-support-defaults.properties", "classpath:converter-worker-defaults.properties"})
public class WorkerApplication {

    /**
     * ECS JSON logs, which carry the MDC ({@code task_id}, {@code attempt}) as fields. Set as a default property
     * of the main method because logging is configured before {@code @PropertySource} files are read; any
     * other property source (environment, command line) still overrides it.
     */
    public static final String STRUCTURED_LOGGING = "logging.structured.format.console=ecs";

    public static void main(String[] args) {
        var application = new SpringApplication(WorkerApplication.class);
        var setting = STRUCTURED_LOGGING.split("=", 2);
        application.setDefaultProperties(Map.of(setting[0], setting[1]));
        application.run(args);
    }
}
