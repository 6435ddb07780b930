package org.vidcut.worker.conversion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The source's first video stream as ffprobe describes it: what the re-encoded edges of a smart trim must match
 * so that the copied middle decodes with them as one stream.
 *
 * @param audioIsAac every audio stream is AAC, which mp4, mov and mkv all hold as it is
 * @param streamIndex its index among the source's streams
 * @param formatStart the container's start time: ffmpeg's {@code -ss} counts from it, ffprobe's intervals do not
 */
record SourceVideo(
        int streamIndex,
        String codec,
        String profile,
        int level,
        String pixelFormat,
        String timeBase,
        String fieldOrder,
        String colorRange,
        String colorSpace,
        String colorTransfer,
        String colorPrimaries,
        boolean rotated,
        boolean hasAudio,
        boolean audioIsAac,
        double formatStart) {

    /** ffprobe's profile names of H.264 and the ones libx264 takes; profiles x264 cannot write are absent. */
    private static final Map<String, String> X264_PROFILES = Map.of(
            "Constrained Baseline", "baseline",
            "Baseline", "baseline",
            "Main", "main",
            "High", "high",
            "High 10", "high10",
            "High 4:2:2", "high422",
            "High 4:4:4 Predictive", "high444");

    /**
     * Read from the worker's one probe of the source ({@code -show_format -show_streams}): the smart trim asks
     * ffprobe nothing more about the header.
     */
    static SourceVideo of(JsonNode probe) {
        JsonNode video = null;
        boolean audio = false;
        boolean aac = true;
        for (var stream : probe.path("streams")) {
            var type = stream.path("codec_type").asString("");
            if (type.equals("audio")) {
                audio = true;
                aac &= stream.path("codec_name").asString("").equals("aac");
            } else if (type.equals("video") && video == null) {
                video = stream;
            }
        }
        if (video == null) {
            throw new SmartTrimRefused("the source has no video stream");
        }
        double rotation = 0;
        for (var side : video.path("side_data_list")) {
            rotation = side.has("rotation") ? side.path("rotation").asDouble(0) : rotation;
        }
        var start = probe.path("format").path("start_time").asDouble(0);
        return new SourceVideo(
                video.path("index").asInt(0),
                text(video, "codec_name"),
                text(video, "profile"),
                video.path("level").asInt(-1),
                text(video, "pix_fmt"),
                text(video, "time_base"),
                text(video, "field_order"),
                text(video, "color_range"),
                text(video, "color_space"),
                text(video, "color_transfer"),
                text(video, "color_primaries"),
                rotation != 0 || video.path("tags").path("rotate").asDouble(0) != 0,
                audio,
                audio && aac,
                start > 0 && Double.isFinite(start) ? start : 0);
    }

    private static String text(JsonNode stream, String field) {
        var value = stream.path(field).asString("");
        // ffprobe names an unset colour property "unknown": the encoder's default is the same
        return value.equals("unknown") ? "" : value;
    }

    /** Why the edges cannot be encoded to match this stream, if they cannot. */
    Optional<String> unsupported() {
        if (!codec.equals("h264")) {
            return Optional.of("the source codec " + (codec.isEmpty() ? "(unknown)" : codec) + " is not matched");
        }
        if (!X264_PROFILES.containsKey(profile)) {
            return Optional.of("the H.264 profile " + profile + " is not matched");
        }
        if (level <= 0 || pixelFormat.isEmpty()) {
            return Optional.of("the source stream does not state its level or pixel format");
        }
        if (!fieldOrder.isEmpty() && !fieldOrder.equals("progressive")) {
            // a re-encode deinterlaces; a copied middle would stay interlaced
            return Optional.of("the source is interlaced");
        }
        if (rotated) {
            // a re-encode applies the rotation; the joined segments would lose it
            return Optional.of("the source is rotated");
        }
        return Optional.empty();
    }

    /** libx264 settings that give the edges the source stream's profile, level, pixel format and colours. */
    List<String> edgeEncoding() {
        var args = new ArrayList<>(List.of(
                "-c:v",
                "libx264",
                "-preset",
                "veryfast",
                // the edges sit next to copied source pictures: a visible quality step at the joins would show
                "-crf",
                "18",
                "-profile:v",
                X264_PROFILES.get(profile),
                "-level:v",
                Integer.toString(level),
                "-pix_fmt",
                pixelFormat));
        option(args, "-color_range", colorRange);
        option(args, "-colorspace", colorSpace);
        option(args, "-color_trc", colorTransfer);
        option(args, "-color_primaries", colorPrimaries);
        return args;
    }

    /** The source's time scale (the denominator of its time base), for the mp4/mov muxer; 0 if unknown. */
    long timescale() {
        var slash = timeBase.indexOf('/');
        try {
            return slash > 0 && timeBase.substring(0, slash).equals("1")
                    ? Long.parseLong(timeBase.substring(slash + 1))
                    : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void option(List<String> args, String name, String value) {
        if (!value.isEmpty()) {
            args.addAll(List.of(name, value));
        }
    }
}
