package org.vidcut.api.upload;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/**
 * Announces a direct upload.
 *
 * @param size the file's exact size in bytes; the parts must add up to it
 * @param contentType what the client thinks the file is; informative only, the stored type comes from the probe
 */
record CreateUploadRequest(
        @Nullable String filename,

        @Schema(description = "bytes", example = "1073741824") @Nullable
        Long size,

        @Nullable String contentType) {}
