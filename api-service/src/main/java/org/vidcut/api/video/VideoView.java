package org.vidcut.api.video;

import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A video as clients see it. */
public record VideoView(
        String id,

        @Schema(description = "time-limited presigned link to the original; needs no Authorization header")
        URI url,

        Instant createdAt,
        String filename,
        @Schema(description = "bytes") long size,
        @Schema(description = "seconds") double duration,
        int width,
        int height,
        String videoCodec,
        @Nullable String audioCodec) {}
