package org.vidcut.api.task;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.vidcut.api.video.OwnedVideo;
import org.vidcut.contracts.Accuracy;
import org.vidcut.contracts.Operations;
import org.vidcut.contracts.OutputFormat;

/** Validates a task request against its video and resolves it into concrete {@link Operations}. */
final class TaskPlanner {

    /** Clients round durations; an end this close past the end means "the end". */
    private static final double TOLERANCE_SECONDS = 0.001;

    private static final int MIN_EXCLUSIVE_DIMENSION = 20;
    private static final int MAX_WIDTH = 7680;
    private static final int MAX_HEIGHT = 4320;

    private static final Set<String> MP4_VIDEO = Set.of("h264", "hevc");
    private static final Set<String> MP4_AUDIO = Set.of("aac", "mp3");
    private static final Set<String> WEBM_VIDEO = Set.of("vp8", "vp9", "av1");
    private static final Set<String> WEBM_AUDIO = Set.of("opus", "vorbis");

    private static final String FORMATS =
            Arrays.stream(OutputFormat.values()).map(OutputFormat::id).collect(Collectors.joining(", "));

    private TaskPlanner() {}

    /** A validated request: what the client asked for and what the worker will do. */
    record TaskPlan(RequestedParams requested, Operations operations) {}

    static TaskPlan plan(CreateTaskRequest request, OwnedVideo video) {
        var sourceFormat = sourceFormat(video);
        var format = format(request.format(), sourceFormat);
        if (format.isStill()) {
            return still(request, video, format);
        }
        double duration = video.durationSeconds();
        Double requestedStart = TaskTimes.parse("start_time", request.startTime());
        Double requestedEnd = TaskTimes.parse("end_time", request.endTime());
        double start = requestedStart == null ? 0 : requestedStart;
        double end = requestedEnd == null ? duration : requestedEnd;
        if (end > duration + TOLERANCE_SECONDS) {
            throw new InvalidTaskRequest(
                    "end_time", "must not be beyond the end of the video (" + seconds(duration) + " s)");
        }
        end = Math.min(end, duration);
        if (start >= duration) {
            throw new InvalidTaskRequest(
                    "start_time", "must be before the end of the video (" + seconds(duration) + " s)");
        }
        if (start >= end) {
            throw new InvalidTaskRequest("start_time", "must be before end_time");
        }

        Integer width = dimension("width", request.width(), MAX_WIDTH);
        Integer height = dimension("height", request.height(), MAX_HEIGHT);
        boolean resize = width != null || height != null;

        var accuracy = accuracy(request.accuracy());

        if (format.hasVideo() && video.videoCodec() == null) {
            throw new InvalidTaskRequest("format", format.id() + " needs a picture, but the video has none");
        }
        if (format == OutputFormat.MP3 && video.audioCodec() == null) {
            throw new InvalidTaskRequest("format", "mp3 needs sound, but the video has no audio track");
        }
        if (resize && !format.hasVideo()) {
            throw new InvalidTaskRequest(width != null ? "width" : "height", "an mp3 has no picture to resize");
        }

        boolean reencode = resize || !streamCopyFits(format, video);
        if (accuracy == Accuracy.KEYFRAME && reencode) {
            throw new InvalidTaskRequest(
                    "accuracy",
                    "keyframe cuts copy the streams, but this task re-encodes anyway ("
                            + (resize ? "resize" : "conversion to " + format.id()) + "); use exact");
        }
        boolean trims = start > 0 || end < duration;
        if (!trims && !resize && format == sourceFormat) {
            throw new InvalidTaskRequest(
                    null, "nothing to do: give start_time/end_time, width/height or a format other than the video's");
        }

        var requested = new RequestedParams(
                requestedStart, requestedEnd, width, height, text(request.format()), text(request.accuracy()));
        var operations = new Operations(start, end, width, height, format, accuracy, reencode);
        return new TaskPlan(requested, operations);
    }

    /**
     * A still frame: one picture at {@code start_time}, optionally resized. {@code end_time} and keyframe accuracy
     * do not apply to one picture (docs/decisions.md, "Still frames"); the job's range is empty.
     */
    private static TaskPlan still(CreateTaskRequest request, OwnedVideo video, OutputFormat format) {
        if (request.endTime() != null) {
            throw new InvalidTaskRequest(
                    "end_time", "a " + format.id() + " is one picture at start_time; end_time does not apply");
        }
        if (accuracy(request.accuracy()) == Accuracy.KEYFRAME) {
            throw new InvalidTaskRequest(
                    "accuracy", "a still frame is the picture at start_time exactly; keyframe does not apply");
        }
        if (video.videoCodec() == null) {
            throw new InvalidTaskRequest("format", format.id() + " needs a picture, but the video has none");
        }
        double duration = video.durationSeconds();
        Double requestedStart = TaskTimes.parse("start_time", request.startTime());
        double start = requestedStart == null ? 0 : requestedStart;
        if (start >= duration) {
            throw new InvalidTaskRequest(
                    "start_time", "must be before the end of the video (" + seconds(duration) + " s)");
        }
        Integer width = dimension("width", request.width(), MAX_WIDTH);
        Integer height = dimension("height", request.height(), MAX_HEIGHT);
        var requested = new RequestedParams(
                requestedStart, null, width, height, text(request.format()), text(request.accuracy()));
        var operations = new Operations(start, start, width, height, format, Accuracy.EXACT, true);
        return new TaskPlan(requested, operations);
    }

    /** The format a task produces when the client names none: the source's own container. */
    static OutputFormat sourceFormat(OwnedVideo video) {
        var container = video.container() == null ? "" : video.container().toLowerCase(Locale.ROOT);
        var names = Set.of(container.split(","));
        if (names.contains("mp4") || names.contains("mov")) {
            var filename = video.filename() == null ? "" : video.filename().toLowerCase(Locale.ROOT);
            return filename.endsWith(".mov") ? OutputFormat.MOV : OutputFormat.MP4;
        }
        if (names.contains("matroska") || names.contains("webm")) {
            return WEBM_VIDEO.contains(lower(video.videoCodec())) ? OutputFormat.WEBM : OutputFormat.MKV;
        }
        if (names.contains("gif")) {
            return OutputFormat.GIF;
        }
        if (names.contains("mp3")) {
            return OutputFormat.MP3;
        }
        return OutputFormat.MP4;
    }

    /** Whether the source's streams can be copied into {@code format} unchanged (what a keyframe cut does). */
    static boolean streamCopyFits(OutputFormat format, OwnedVideo video) {
        var videoCodec = lower(video.videoCodec());
        var audioCodec = lower(video.audioCodec());
        return switch (format) {
            case MP4, MOV ->
                (videoCodec == null || MP4_VIDEO.contains(videoCodec))
                        && (audioCodec == null || MP4_AUDIO.contains(audioCodec));
            case WEBM ->
                (videoCodec == null || WEBM_VIDEO.contains(videoCodec))
                        && (audioCodec == null || WEBM_AUDIO.contains(audioCodec));
            case MKV -> true;
            case GIF -> "gif".equals(videoCodec);
            case MP3 -> "mp3".equals(audioCodec);
            case JPG, PNG, WEBP -> false;
        };
    }

    private static Integer dimension(String field, Object value, int max) {
        if (value == null) {
            return null;
        }
        long pixels;
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            pixels = ((Number) value).longValue();
        } else if (value instanceof BigInteger big && big.bitLength() < 63) {
            pixels = big.longValue();
        } else {
            throw new InvalidTaskRequest(field, "must be an even whole number of pixels");
        }
        if (pixels <= MIN_EXCLUSIVE_DIMENSION || pixels > max) {
            throw new InvalidTaskRequest(field, "must be more than " + MIN_EXCLUSIVE_DIMENSION + " and at most " + max);
        }
        if (pixels % 2 != 0) {
            throw new InvalidTaskRequest(field, "must be even (video encoders need even dimensions)");
        }
        return (int) pixels;
    }

    private static OutputFormat format(Object value, OutputFormat sourceFormat) {
        if (value == null) {
            return sourceFormat;
        }
        if (!(value instanceof String id)) {
            throw new InvalidTaskRequest("format", "must be one of " + FORMATS);
        }
        return OutputFormat.find(id).orElseThrow(() -> new InvalidTaskRequest("format", "must be one of " + FORMATS));
    }

    private static Accuracy accuracy(Object value) {
        if (value == null) {
            return Accuracy.EXACT;
        }
        if (!(value instanceof String id)) {
            throw new InvalidTaskRequest("accuracy", "must be keyframe or exact");
        }
        return Accuracy.find(id).orElseThrow(() -> new InvalidTaskRequest("accuracy", "must be keyframe or exact"));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString().trim().toLowerCase(Locale.ROOT);
    }

    private static String lower(String value) {
        return value == null ? null : value.toLowerCase(Locale.ROOT);
    }

    private static String seconds(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
