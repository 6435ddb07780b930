package org.vidcut.worker.storage;

import io.minio.MinioClient;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.vidcut.support.storage.MinioClients;
import org.vidcut.support.storage.StorageProperties;

@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    @Bean
    MinioClient minioClient(StorageProperties properties) {
        return MinioClients.internal(properties);
    }
}
