package org.vidcut.worker.storage;

import io.minio.MinioClient;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    /** The client's own defaults wait five minutes on a silent store; a job should fail (transiently) sooner. */
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private static final Duration IO_TIMEOUT = Duration.ofSeconds(60);

    @Bean
    MinioClient minioClient(StorageProperties properties) {
        var client = MinioClient.builder()
                .endpoint(properties.endpoint().toString())
                .credentials(properties.accessKey(), properties.secretKey())
                .region(properties.region())
                .build();
        client.setTimeout(CONNECT_TIMEOUT.toMillis(), IO_TIMEOUT.toMillis(), IO_TIMEOUT.toMillis());
        return client;
    }
}
