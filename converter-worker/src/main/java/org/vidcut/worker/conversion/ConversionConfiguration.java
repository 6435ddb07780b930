package org.vidcut.worker.conversion;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vidcut.worker.WorkerProperties;
import org.vidcut.worker.storage.ObjectStore;

@Configuration(proxyBeanMethods = false)
class ConversionConfiguration {

    @Bean
    ConversionService conversionService(WorkerProperties properties, ObjectStore store) {
        return new ConversionService(properties, store);
    }
}
