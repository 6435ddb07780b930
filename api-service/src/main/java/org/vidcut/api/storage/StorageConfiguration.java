package org.vidcut.api.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.vidcut.support.storage.MinioClients;
import org.vidcut.support.storage.StorageProperties;
import org.vidcut.support.storage.StorageUnavailable;

/** The MinIO clients and the object store built on them. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    @Bean
    MinioObjectStore objectStore(StorageProperties properties) {
        return new MinioObjectStore(
                MinioClients.internal(properties), MinioClients.publicSigner(properties), properties);
    }

    @Bean
    MinioMultipartStore multipartStore(StorageProperties properties, MinioObjectStore objects) {
        return new MinioMultipartStore(
                MinioClients.internalAsync(properties), MinioClients.publicSigner(properties), objects, properties);
    }

    @Bean
    StorageHealthIndicator storageHealthIndicator(MinioObjectStore store) {
        return new StorageHealthIndicator(store);
    }

    @EventListener(ApplicationReadyEvent.class)
    void createBucket(ApplicationReadyEvent event) {
        var store = event.getApplicationContext().getBean(MinioObjectStore.class);
        try {
            store.ensureBucket();
        } catch (StorageUnavailable e) {
            // The api still starts: uploads try again, and readiness reports the store as down meanwhile.
            log.warn(
                    "object storage not reachable at startup, will retry on first use: {}",
                    String.valueOf(e.getCause()));
        }
    }
}
