package org.vidcut.worker.conversion;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vidcut.worker.WorkerProperties;
import org.vidcut.worker.storage.ObjectStore;

@Configuration(proxyBeanMethods = false)
class ConversionConfiguration {

    @Bean
    ConversionMetrics conversionMetrics(MeterRegistry registry) {
        return new ConversionMetrics(registry);
    }

    @Bean
    ConversionService conversionService(WorkerProperties properties, ObjectStore store, ConversionMetrics metrics) {
        return new ConversionService(properties, store, metrics);
    }
}
