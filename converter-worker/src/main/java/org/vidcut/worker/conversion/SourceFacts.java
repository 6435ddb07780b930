package org.vidcut.worker.conversion;

import org.jspecify.annotations.Nullable;
import org.vidcut.contracts.Operations;
import org.vidcut.contracts.ProbedMedia;
import tools.jackson.databind.JsonNode;

/**
 * What the worker read from a source before converting it.
 *
 * @param media its streams and timing, or null when ffprobe could not tell (ffmpeg then picks the streams)
 * @param probe what ffprobe printed ({@code -show_format -show_streams}), null with {@code media}: a smart trim reads
 *     the coding it must match from it
 * @param keyframeSeconds the picture's keyframe at or before the cut's start, counted like {@code -ss}; null when
 *     the cut starts at 0, there is no picture, or it could not be found
 */
record SourceFacts(
        @Nullable ProbedMedia media,
        @Nullable JsonNode probe,
        @Nullable Double keyframeSeconds) {

    /** ffprobe prints times to the microsecond: a keyframe this close after the target is on it. */
    private static final double KEYFRAME_SLACK = 0.000_001;

    static final SourceFacts UNKNOWN = new SourceFacts(null, null, null);

    /** The source's first video stream as a smart trim must match it. */
    SourceVideo video() {
        if (probe == null) {
            throw new SmartTrimRefused("ffprobe could not describe the source");
        }
        return SourceVideo.of(probe);
    }

    /**
     * A stream copy begins on the keyframe: the operations with their start moved there, so the command seeks
     * exactly to it and the result reports where it really begins. Anything else is returned unchanged.
     */
    Operations startOnKeyframe(Operations operations) {
        if (keyframeSeconds == null || !FfmpegCommand.streamCopies(operations)) {
            return operations;
        }
        return new Operations(
                keyframeSeconds,
                operations.endSeconds(),
                operations.width(),
                operations.height(),
                operations.format(),
                operations.accuracy(),
                operations.reencode());
    }

    /**
     * The keyframe at or before the cut among the packets a probe read, counted like {@code -ss}; null unless the
     * packets reach the cut and hold a keyframe before it (a container starting late, a long GOP): then the
     * keyframe is looked up on its own.
     */
    static @Nullable Double keyframeRead(JsonNode json, ProbedMedia media, double seconds) {
        double target = media.startSeconds() + seconds;
        double best = latestKeyframe(json, media.videoIndex(), target);
        boolean reached = false;
        for (var packet : json.path("packets")) {
            reached |= packet.path("stream_index").asInt(-1) == media.videoIndex()
                    && packet.path("pts_time").asDouble(Double.NaN) >= target + KEYFRAME_SLACK;
        }
        return Double.isNaN(best) || !reached ? null : Math.max(0, best - media.startSeconds());
    }

    /**
     * The time of the latest keyframe of {@code stream} at or before {@code target} among a probe's packets
     * ({@code packet=stream_index,pts_time,flags}); NaN when there is none.
     */
    static double latestKeyframe(JsonNode json, int stream, double target) {
        double best = Double.NaN;
        for (var packet : json.path("packets")) {
            double time = packet.path("pts_time").asDouble(Double.NaN);
            if (packet.path("stream_index").asInt(-1) == stream
                    && packet.path("flags").asString("").contains("K")
                    && time <= target + KEYFRAME_SLACK) {
                best = Double.isNaN(best) ? time : Math.max(best, time);
            }
        }
        return best;
    }
}
