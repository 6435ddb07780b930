package org.vidcut.api.video;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a file claims about itself in ffprobe's JSON, the figures {@link MediaLimits} judges. These are claims:
 * container and stream headers can say anything, and ffmpeg allocates and schedules work by them.
 *
 * @param sizeBytes the file's size, null when ffprobe could not tell
 * @param durationSeconds the duration the video is stored with
 * @param width the widest side of any picture stream (cover art too: it is decoded as well)
 * @param height the height belonging to that width
 * @param pixels the largest frame of any picture stream, in pixels
 * @param frameRate the highest frame rate ffmpeg would convert a moving picture stream at
 * @param streams all streams of the file
 */
record MediaClaims(
        @Nullable Long sizeBytes,
        double durationSeconds,
        int width,
        int height,
        long pixels,
        double frameRate,
        int streams) {

    /** ffmpeg's own choice ({@code av_guess_frame_rate}): the average rate wins only when the real rate is absurd. */
    private static final double GUESS_REAL_RATE_ABOVE = 210;

    private static final double GUESS_AVERAGE_BELOW = 70;

    static MediaClaims of(JsonNode probe, double durationSeconds) {
        int width = 0;
        int height = 0;
        long pixels = 0;
        double frameRate = 0;
        int streams = 0;
        for (var stream : probe.path("streams")) {
            streams++;
            if (!"video".equals(stream.path("codec_type").asString(""))) {
                continue;
            }
            int w = Math.max(0, stream.path("width").asInt(0));
            int h = Math.max(0, stream.path("height").asInt(0));
            if (Math.max(w, h) > Math.max(width, height)) {
                width = w;
                height = h;
            }
            pixels = Math.max(pixels, (long) w * h);
            if (stream.path("disposition").path("attached_pic").asInt(0) != 1) {
                frameRate = Math.max(
                        frameRate,
                        frameRate(
                                rate(stream.path("r_frame_rate").asString("")),
                                rate(stream.path("avg_frame_rate").asString(""))));
            }
        }
        long size = probe.path("format").path("size").asLong(-1);
        return new MediaClaims(size < 0 ? null : size, durationSeconds, width, height, pixels, frameRate, streams);
    }

    static double frameRate(double real, double average) {
        if (average > 0 && average < GUESS_AVERAGE_BELOW && real > GUESS_REAL_RATE_ABOVE) {
            return average;
        }
        return real > 0 ? real : average;
    }

    /** ffprobe writes rates as fractions ({@code 30000/1001}); {@code 0/0} and garbage mean unknown (0). */
    static double rate(String fraction) {
        var parts = fraction.split("/", -1);
        try {
            double value = parts.length == 2
                    ? Double.parseDouble(parts[0]) / Double.parseDouble(parts[1])
                    : Double.parseDouble(fraction);
            return Double.isFinite(value) && value > 0 ? value : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
