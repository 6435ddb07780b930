package org.vidcut.support.storage;

import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import java.net.URI;
import java.time.Duration;
import okhttp3.OkHttpClient;

/** Builds the MinIO clients of both services from the one settings record. */
public final class MinioClients {

    // Long enough for a large part on a slow link; the connect timeout is what detects a store that is down.
    static final Duration TRANSFER_TIMEOUT = Duration.ofMinutes(5);

    private MinioClients() {}

    /** A client on the store's internal address. */
    public static MinioClient internal(StorageProperties properties) {
        return client(properties.endpoint(), properties);
    }

    /** A client that only signs links for clients: signing is local, so it never connects to the public address. */
    public static MinioClient publicSigner(StorageProperties properties) {
        return client(properties.effectivePublicEndpoint(), properties);
    }

    /**
     * An asynchronous client on the internal address: only it exposes the low-level multipart calls (create, list
     * parts, complete, abort) that the api's direct uploads need.
     */
    public static MinioAsyncClient internalAsync(StorageProperties properties) {
        return MinioAsyncClient.builder()
                .endpoint(properties.endpoint().toString())
                .region(properties.region())
                .credentials(properties.accessKey(), properties.secretKey())
                .httpClient(http(properties))
                .build();
    }

    static MinioClient client(URI endpoint, StorageProperties properties) {
        return MinioClient.builder()
                .endpoint(endpoint.toString())
                .region(properties.region())
                .credentials(properties.accessKey(), properties.secretKey())
                .httpClient(http(properties))
                .build();
    }

    private static OkHttpClient http(StorageProperties properties) {
        return new OkHttpClient.Builder()
                .connectTimeout(properties.connectTimeout())
                .readTimeout(TRANSFER_TIMEOUT)
                .writeTimeout(TRANSFER_TIMEOUT)
                .build();
    }
}
