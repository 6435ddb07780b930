package org.vidcut.api;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.PropertySource;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The api-service. Its defaults live in {@code api-service-defaults.properties} rather than
 * {@code application.properties} so that the standalone jar can carry it next to the worker without the two
 * services' configuration files shadowing each other.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@PropertySource({"classpath:service-support-defaults.properties", "classpath:api-service-defaults.properties"})
public class ApiApplication {

    /**
     * ECS JSON logs, which carry the MDC ({@code task_id}, {@code attempt}) as fields, as the worker's do. Set as
     * a default property of the main method because logging is configured before {@code @PropertySource} files
     * are read; any other property source (environment, command line) still overrides it, and
     * {@code LOGGING_STRUCTURED_FORMAT_CONSOLE=} (empty) turns it off.
     */
    public static final String STRUCTURED_LOGGING = "logging.structured.format.console=ecs";

    public static void main(String[] args) {
        var application = new SpringApplication(ApiApplication.class);
        var setting = STRUCTURED_LOGGING.split("=", 2);
        application.setDefaultProperties(Map.of(setting[0], setting[1]));
        application.run(args);
    }
}
