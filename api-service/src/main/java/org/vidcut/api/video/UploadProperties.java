package org.vidcut.api.video;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Upload limits ({@code vidcut.upload.*}). The servlet multipart limits are derived from the same property in
 * the defaults file; this copy guards the service itself.
 */
@Validated
@ConfigurationProperties("vidcut.upload")
record UploadProperties(@NotNull DataSize maxSize) {

    @AssertTrue(message = "vidcut.upload.max-size must be positive")
    boolean isMaxSizePositive() {
        return maxSize == null || maxSize.toBytes() > 0;
    }
}
