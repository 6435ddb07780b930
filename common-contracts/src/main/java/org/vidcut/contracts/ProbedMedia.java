package org.vidcut.contracts;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * What ffprobe's JSON ({@code -show_format -show_streams}) says about a file, read the same way by the api (an
 * upload) and the worker (a source before converting, a result after): picture sizes as displayed, the tracks,
 * and the content's own duration.
 *
 * @param durationSeconds the content's duration from its first timestamp, not the container's last timestamp
 * @param startSeconds the container's first timestamp; ffmpeg's {@code -ss} counts from here
 * @param videoIndex the main picture stream (cover art skipped), null when there is none
 * @param width the displayed width: sample aspect ratio and rotation applied; null without picture
 * @param height the displayed height; null without picture
 * @param rotation clockwise degrees (90, 180, 270) a player turns the stored picture by; null when it does not
 * @param interlaced whether the picture is stored as fields (broadcast, capture cards)
 * @param tracks the picture, sound and subtitle streams, in file order
 */
public record ProbedMedia(
        double durationSeconds,
        double startSeconds,
        Integer videoIndex,
        Integer width,
        Integer height,
        Integer rotation,
        boolean interlaced,
        List<Track> tracks) {

    private static final Set<String> INTERLACED_FIELD_ORDERS = Set.of("tt", "bb", "tb", "bt");

    public static ProbedMedia of(JsonNode probe) {
        JsonNode video = null;
        var tracks = new ArrayList<Track>();
        for (var stream : probe.path("streams")) {
            var type = stream.path("codec_type").asString("");
            var picture = stream.path("disposition").path("attached_pic").asInt(0) == 1;
            boolean listed =
                    Track.AUDIO.equals(type) || Track.SUBTITLE.equals(type) || (Track.VIDEO.equals(type) && !picture);
            if (!listed) {
                continue;
            }
            if (video == null && Track.VIDEO.equals(type)) {
                video = stream;
            }
            var language = stream.path("tags").path("language").asString("");
            tracks.add(new Track(
                    stream.path("index").asInt(tracks.size()),
                    type,
                    stream.path("codec_name").asString("unknown"),
                    language.isBlank() || "und".equals(language) ? null : language));
        }
        var format = probe.path("format");
        double start = number(format.path("start_time").asString(""));
        Integer rotation = video == null ? null : rotation(video);
        Integer width = null;
        Integer height = null;
        if (video != null
                && video.path("width").asInt(0) > 0
                && video.path("height").asInt(0) > 0) {
            int stored = video.path("height").asInt();
            int shown = (int) Math.round(video.path("width").asInt() * sampleAspect(video));
            boolean turned = rotation != null && rotation % 180 != 0;
            width = turned ? stored : shown;
            height = turned ? shown : stored;
        }
        return new ProbedMedia(
                duration(probe, video, start),
                start,
                video == null ? null : video.path("index").asInt(0),
                width,
                height,
                rotation,
                video != null
                        && INTERLACED_FIELD_ORDERS.contains(
                                video.path("field_order").asString("")),
                List.copyOf(tracks));
    }

    /**
     * From the first timestamp of picture or sound to the last one's end: subtitles running on, and Matroska's
     * habit of storing the last timestamp as the duration (a file whose timestamps start at 10 s claims 18 s for
     * 8 s of content), do not count. Matroska streams carry no duration of their own, but a {@code DURATION} tag
     * holding their last timestamp.
     */
    private static double duration(JsonNode probe, JsonNode video, double start) {
        var format = probe.path("format");
        boolean matroska = format.path("format_name").asString("").contains("matroska");
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        for (var stream : probe.path("streams")) {
            var type = stream.path("codec_type").asString("");
            boolean picture = stream.path("disposition").path("attached_pic").asInt(0) == 1;
            if (!(Track.AUDIO.equals(type) || (Track.VIDEO.equals(type) && !picture)) || !stream.has("start_time")) {
                continue;
            }
            double begins = number(stream.path("start_time").asString(""));
            double length = number(stream.path("duration").asString(""));
            double tagged = clock(stream.path("tags").path("DURATION").asString(""));
            double ends = length > 0 ? begins + length : matroska && tagged > 0 ? tagged : Double.NaN;
            if (!Double.isNaN(ends)) {
                first = Math.min(first, begins);
                last = Math.max(last, ends);
            }
        }
        if (last > first) {
            return last - first;
        }
        double duration = number(format.path("duration").asString(""));
        if (duration > 0 && start > 0 && matroska) {
            return Math.max(0, duration - start);
        }
        if (duration <= 0 && video != null) {
            duration = number(video.path("duration").asString(""));
        }
        return duration;
    }

    /** {@code 00:00:13.000000000} in seconds; 0 for anything else. */
    private static double clock(String text) {
        var parts = text.split(":");
        if (parts.length != 3) {
            return 0;
        }
        return number(parts[0]) * 3600 + number(parts[1]) * 60 + number(parts[2]);
    }

    /** ffprobe's display matrix angle, or the older {@code rotate} tag, as 90, 180 or 270; null for none. */
    private static Integer rotation(JsonNode video) {
        double degrees = 0;
        for (var side : video.path("side_data_list")) {
            if (side.has("rotation")) {
                degrees = side.path("rotation").asDouble(0);
            }
        }
        if (degrees == 0) {
            degrees = number(video.path("tags").path("rotate").asString(""));
        }
        int quarter = (int) Math.round(degrees / 90) * 90;
        int normalized = ((quarter % 360) + 360) % 360;
        return normalized == 0 ? null : normalized;
    }

    /** {@code sample_aspect_ratio} is {@code 4:3}, {@code 1:1}, or {@code 0:1} when unknown (square). */
    private static double sampleAspect(JsonNode video) {
        var parts = video.path("sample_aspect_ratio").asString("").split(":");
        if (parts.length == 2) {
            double ratio = number(parts[0]) / Math.max(1, number(parts[1]));
            if (ratio > 0 && number(parts[1]) > 0) {
                return ratio;
            }
        }
        return 1;
    }

    private static double number(String text) {
        try {
            double value = Double.parseDouble(text);
            return Double.isFinite(value) ? value : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public boolean hasVideo() {
        return videoIndex != null;
    }

    public List<Track> tracks(String type) {
        return tracks.stream().filter(t -> t.type().equals(type)).toList();
    }
}
