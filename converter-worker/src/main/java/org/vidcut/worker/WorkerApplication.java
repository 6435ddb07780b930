package org.vidcut.worker;

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
@PropertySource("classpath:converter-worker-defaults.properties")
public class WorkerApplication {

    public static void main(String[] args) {
        SpringApplication.run(WorkerApplication.class, args);
    }
}
