package org.vidcut.support.storage;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the object store ({@code vidcut.storage.*}) for both services; defaults in
 * {@code service-support-defaults.properties}.
 *
 * @param endpoint the address the api and the worker (and ffmpeg, through presigned links) reach the store at
 * @param publicEndpoint the address clients reach it at, used for the api's presigned links; defaults to
 *     {@code endpoint}
 * @param region set explicitly so that signing never asks the store for its region (signing stays offline)
 * @param partSize part size of multipart uploads (S3 needs at least 5 MiB)
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
        @NotBlank String bucket,
        @NotBlank String region,
        @NotNull DataSize partSize,

        @NotNull @DurationMin(seconds = 1) @DurationMax(days = 7)
        Duration presignExpiry,

        @NotNull @DurationMin(millis = 1) Duration connectTimeout) {

    public static final DataSize MIN_PART_SIZE = DataSize.ofMegabytes(5);
    public static final Duration MAX_PRESIGN_EXPIRY = Duration.ofDays(7);

    @AssertTrue(message = "vidcut.storage.part-size must be at least 5MB")
    boolean isPartSizeAccepted() {
        return partSize == null || partSize.compareTo(MIN_PART_SIZE) >= 0;
    }

    public URI effectivePublicEndpoint() {
        return publicEndpoint == null ? endpoint : publicEndpoint;
    }

    /** Without the keys: settings end up in logs and failure messages. */
    @Override
    public String toString() {
        return "StorageProperties[endpoint=" + endpoint + ", publicEndpoint=" + publicEndpoint + ", bucket=" + bucket
                + ", region=" + region + ", partSize=" + partSize + ", presignExpiry=" + presignExpiry
                + ", connectTimeout=" + connectTimeout + "]";
    }
}
