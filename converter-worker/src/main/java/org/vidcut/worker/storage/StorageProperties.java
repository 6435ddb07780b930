package org.vidcut.worker.storage;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Where originals and results live ({@code vidcut.storage.*}).
 *
 * @param endpoint the S3/MinIO endpoint the worker (and ffmpeg, through presigned URLs) talks to
 * @param partSize multipart upload part size (MinIO needs at least 5 MiB)
 */
@Validated
@ConfigurationProperties("vidcut.storage")
public record StorageProperties(
        @NotNull URI endpoint,
        @NotBlank String accessKey,
        @NotBlank String secretKey,
        @NotBlank String bucket,
        @NotBlank String region,
        @NotNull DataSize partSize) {

    /** S3 refuses multipart parts below 5 MiB (except the last). */
    static final DataSize MIN_PART_SIZE = DataSize.ofMegabytes(5);

    @AssertTrue(message = "must be at least 5MB")
    public boolean isPartSizeAccepted() {
        return partSize == null || partSize.compareTo(MIN_PART_SIZE) >= 0;
    }

    @Override
    public String toString() {
        return "StorageProperties[endpoint=" + endpoint + ", bucket=" + bucket + ", region=" + region + "]";
    }
}
