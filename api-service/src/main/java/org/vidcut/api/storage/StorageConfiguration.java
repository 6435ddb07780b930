package org.vidcut.api.storage;

import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import java.net.URI;
import java.time.Duration;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/** The MinIO clients and the object store built on them. */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

    // Long enough for a large part on a slow link; the connect timeout is what detects a store that is down.
    private static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(5);

    @Bean
    MinioObjectStore objectStore(StorageProperties properties) {
        var http = new OkHttpClient.Builder()
                .connectTimeout(properties.connectTimeout())
                .readTimeout(TRANSFER_TIMEOUT)
                .writeTimeout(TRANSFER_TIMEOUT)
                .build();
        return new MinioObjectStore(
                client(properties.endpoint(), properties, http),
                client(properties.effectivePublicEndpoint(), properties, http),
                properties);
    }

    @Bean
    MinioMultipartStore multipartStore(StorageProperties properties, MinioObjectStore objects) {
        var http = new OkHttpClient.Builder()
                .connectTimeout(properties.connectTimeout())
                .readTimeout(TRANSFER_TIMEOUT)
                .writeTimeout(TRANSFER_TIMEOUT)
                .build();
        var internal = MinioAsyncClient.builder()
                .endpoint(properties.endpoint().toString())
                .region(properties.region())
                .credentials(properties.accessKey(), properties.secretKey())
                .httpClient(http)
                .build();
        return new MinioMultipartStore(
                internal, client(properties.effectivePublicEndpoint(), properties, http), objects, properties);
    }

    static MinioClient client(URI endpoint, StorageProperties properties, OkHttpClient http) {
        return MinioClient.builder()
                .endpoint(endpoint.toString())
                .region(properties.region())
                .credentials(properties.accessKey(), properties.secretKey())
                .httpClient(http)
                .build();
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
