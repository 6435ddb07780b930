package org.vidcut.api.video;

import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A video as clients see it. */
public record VideoView(
        String id,

        @Schema(description = "time-limited presigned link to the original; needs no Authorization header")
        URI url,

        Instant createdAt,
        String filename,
        @Schema(description = "bytes") long size,

        @Schema(description = "seconds, from the first frame to the last")
        double duration,

        @Schema(description = "displayed width in pixels: rotation and pixel aspect applied")
        int width,

        @Schema(description = "displayed height in pixels") int height,
        String videoCodec,
        @Nullable String audioCodec,

        @Schema(description = "clockwise degrees (90, 180, 270) players turn the stored picture by; absent when not")
        @Nullable
        Integer rotation,

        @Schema(
                description =
                        "the picture, sound and subtitle streams; null for videos uploaded before they were listed")
        @Nullable
        List<TrackView> tracks) {}
