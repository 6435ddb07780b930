package org.vidcut.api.storage;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the object store ({@code vidcut.storage.*}).
 *
 * @param endpoint the address the api and the worker reach the store at
 * @param publicEndpoint the address clients reach it at, used for presigned links; defaults to {@code endpoint}
 * @param region set explicitly so that signing never asks the store for its region (signing stays offline)
 * @param partSize part size of multipart uploads of unknown length (S3 needs at least 5 MiB)
 * @param presignExpiry lifetime of presigned links handed to clients (S3 allows at most 7 days)
 * @param connectTimeout how long to wait for a connection before calling the store unavailable
 */
@Validated
@ConfigurationProperties("vidcut.storage")
public record StorageProperties(
        @NotNull URI endpoint,
        @Nullable URI publicEndpoint,
        @NotBlank String accessKey,
        @NotBlank String secretKey,
        @DefaultValue("vidcut") @NotBlank String bucket,
        @DefaultValue("us-east-1") @NotBlank String region,
        @DefaultValue("8MB") DataSize partSize,
        @DefaultValue("1h") Duration presignExpiry,
        @DefaultValue("5s") Duration connectTimeout) {

    static final DataSize MIN_PART_SIZE = DataSize.ofMegabytes(5);
    static final Duration MAX_PRESIGN_EXPIRY = Duration.ofDays(7);

    public StorageProperties {
        if (partSize.compareTo(MIN_PART_SIZE) < 0) {
            throw new IllegalArgumentException("vidcut.storage.part-size must be at least 5MB, was " + partSize);
        }
        if (presignExpiry.isNegative() || presignExpiry.isZero() || presignExpiry.compareTo(MAX_PRESIGN_EXPIRY) > 0) {
            throw new IllegalArgumentException(
                    "vidcut.storage.presign-expiry must be between 1s and 7d, was " + presignExpiry);
        }
    }

    public URI effectivePublicEndpoint() {
        return publicEndpoint == null ? endpoint : publicEndpoint;
    }
}
