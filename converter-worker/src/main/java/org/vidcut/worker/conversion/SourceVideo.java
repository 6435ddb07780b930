package org.vidcut.worker.conversion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The source's first video stream as ffprobe describes it: what the re-encoded edges of a smart trim must match
 * so that the copied middle decodes with them as one stream.
 *
 * @param formatStart the container's start time: ffmpeg's {@code -ss} counts from it, ffprobe's intervals do not
 */
record SourceVideo(
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

    /** What to ask ffprobe for: the container's start and every stream's coding, colour and rotation. */
    static final String ENTRIES = "format=start_time:stream=index,codec_type,codec_name,profile,level,pix_fmt,"
            + "time_base,field_order,color_range,color_space,color_transfer,color_primaries"
            + ":stream_side_data=rotation:stream_tags=rotate";

    static SourceVideo of(List<String> probeLines) {
        CompactLine video = null;
        boolean audio = false;
        double start = 0;
        for (var raw : probeLines) {
            var line = CompactLine.parse(raw).orElse(null);
            if (line == null) {
                continue;
            }
            if (line.section().equals("format") && line.number("start_time") > 0) {
                start = line.number("start_time");
            } else if (line.section().equals("stream")
                    && line.text("codec_type").equals("audio")) {
                audio = true;
            } else if (line.section().equals("stream")
                    && line.text("codec_type").equals("video")
                    && video == null) {
                video = line;
            }
        }
        if (video == null) {
            throw new SmartTrimRefused("the source has no video stream");
        }
        var level = video.number("level");
        return new SourceVideo(
                video.text("codec_name"),
                video.text("profile"),
                Double.isNaN(level) ? -1 : (int) level,
                video.text("pix_fmt"),
                video.text("time_base"),
                video.text("field_order"),
                video.text("color_range"),
                video.text("color_space"),
                video.text("color_transfer"),
                video.text("color_primaries"),
                nonZero(video.number("rotation")) || nonZero(video.number("tag:rotate")),
                audio,
                start);
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

    private static boolean nonZero(double value) {
        return !Double.isNaN(value) && value != 0;
    }
}
