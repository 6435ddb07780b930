package org.vidcut.api.video;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.Locale;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What an upload may claim ({@code vidcut.media.limits.*}), judged from its probe before anything is kept. The
 * workers size their memory and time by these claims, so a claim beyond them is refused, and so is a claim the
 * file's bytes cannot back (see docs/decisions.md, "Media limits").
 *
 * @param maxSide the longest side of any picture stream, in pixels
 * @param maxPixels the largest frame, in pixels (8192×4320)
 * @param maxDuration the longest video
 * @param maxFrameRate the highest frame rate, in frames a second
 * @param maxStreams the most streams of all kinds in one file
 * @param minBytesPerSecond a file must have at least this many bytes for each claimed second beyond
 *     {@code minBytesGrace}; no real encoder writes video that sparse
 * @param minBytesGrace this much of any video needs no bytes, so tiny short clips stay welcome
 */
@Validated
@ConfigurationProperties("vidcut.media.limits")
record MediaLimits(
        @Min(1) int maxSide,
        @Min(1) long maxPixels,

        @NotNull @DurationMin(seconds = 1) Duration maxDuration,

        @Min(1) int maxFrameRate,
        @Min(1) int maxStreams,
        @Min(0) int minBytesPerSecond,

        @NotNull @DurationMin(millis = 0) Duration minBytesGrace) {

    /** @throws VideoExceedsLimit naming the first limit the claims exceed */
    void check(MediaClaims claims) {
        var size = claims.width() + "x" + claims.height();
        if (claims.width() > maxSide || claims.height() > maxSide) {
            refuse("the video is %s; the limit is %d px a side", size, maxSide);
        }
        if (claims.pixels() > maxPixels) {
            refuse("the video has %,d pixels a frame; the limit is %,d pixels a frame", claims.pixels(), maxPixels);
        }
        if (claims.frameRate() > maxFrameRate) {
            refuse("the video has %.2f frames a second; the limit is %d", claims.frameRate(), maxFrameRate);
        }
        if (claims.streams() > maxStreams) {
            refuse("the file has %d streams; the limit is %d", claims.streams(), maxStreams);
        }
        double seconds = claims.durationSeconds();
        if (seconds > maxDuration.toMillis() / 1000.0) {
            refuse("the video is %s long; the limit is %s", human(seconds), human(maxDuration.toSeconds()));
        }
        var bytes = claims.sizeBytes();
        double backedSeconds = Math.max(0, seconds - minBytesGrace.toMillis() / 1000.0);
        // an unknown size cannot be judged; uploads always have one (the store reports it to ffprobe)
        if (bytes != null && bytes < minBytesPerSecond * backedSeconds) {
            refuse(
                    "the file has %,d bytes but claims %s of video; a video needs at least %d bytes a second, so its"
                            + " bytes cannot hold that much",
                    bytes, human(seconds), minBytesPerSecond);
        }
    }

    private static void refuse(String format, Object... args) {
        throw new VideoExceedsLimit(String.format(Locale.ROOT, format, args));
    }

    private static String human(double seconds) {
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%,.0f s (%.1f h)", seconds, seconds / 3600);
        }
        return String.format(Locale.ROOT, "%,.1f s", seconds);
    }
}
