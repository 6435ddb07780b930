package org.vidcut.api.upload;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of direct uploads ({@code vidcut.upload.*}, next to {@code max-size}, which bounds them too).
 *
 * @param partSize bytes per part: at least S3's 5 MiB, at most 16 MiB as s3proxy holds a part in memory
 * @param expiry an upload not completed by then is aborted and its parts removed; its part links last as long
 * @param cleanupInterval how often expired uploads are looked for
 */
@Validated
@ConfigurationProperties("vidcut.upload")
record DirectUploadProperties(
        @NotNull DataSize partSize,
        @NotNull Duration expiry,
        @NotNull Duration cleanupInterval) {

    static final DataSize MIN_PART_SIZE = DataSize.ofMegabytes(5);
    static final DataSize MAX_PART_SIZE = DataSize.ofMegabytes(16);
    /** S3 signs links for at most 7 days, so an upload cannot stay open longer. */
    static final Duration MAX_EXPIRY = Duration.ofDays(7);

    DirectUploadProperties {
        if (partSize != null && (partSize.compareTo(MIN_PART_SIZE) < 0 || partSize.compareTo(MAX_PART_SIZE) > 0)) {
            throw new IllegalArgumentException("vidcut.upload.part-size must be between 5MB and 16MB, was " + partSize);
        }
        if (expiry != null && (expiry.isNegative() || expiry.isZero() || expiry.compareTo(MAX_EXPIRY) > 0)) {
            throw new IllegalArgumentException("vidcut.upload.expiry must be between 1s and 7d, was " + expiry);
        }
        if (cleanupInterval != null && (cleanupInterval.isNegative() || cleanupInterval.isZero())) {
            throw new IllegalArgumentException(
                    "vidcut.upload.cleanup-interval must be positive, was " + cleanupInterval);
        }
    }
}
