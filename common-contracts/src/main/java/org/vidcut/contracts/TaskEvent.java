package org.vidcut.contracts;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;
import java.util.List;

/** What a worker reports about one attempt at one task. */
public sealed interface TaskEvent extends Message {

    String workerId();

    Instant occurredAt();

    /** The worker took the job and is about to run ffmpeg. */
    @JsonTypeName(Started.TYPE)
    record Started(String taskId, int attempt, String workerId, Instant occurredAt) implements TaskEvent {
        public static final String TYPE = "task_started.v1";
    }

    /** Progress in percent of the expected output duration; doubles as the heartbeat. */
    @JsonTypeName(Progress.TYPE)
    record Progress(String taskId, int attempt, String workerId, Instant occurredAt, double percent)
            implements TaskEvent {
        public static final String TYPE = "task_progress.v1";
    }

    /**
     * The result is stored and verified with ffprobe.
     *
     * @param resultObjectKey where the worker stored it; the api trusts its own key, this one only names what to
     *     clean up for a task that is gone
     * @param startSeconds where the cut really begins in the source (a keyframe trim begins at a keyframe); null
     *     from workers older than this field
     * @param endSeconds where the cut really ends in the source; null from older workers
     * @param rotation clockwise degrees a player turns the result's picture by (a stream copy keeps the source's);
     *     null when it is not turned, and from older workers
     * @param tracks the result's picture, sound and subtitle streams; null from older workers
     * @param method how the result was cut; null from older workers
     */
    @JsonTypeName(Succeeded.TYPE)
    record Succeeded(
            String taskId,
            int attempt,
            String workerId,
            Instant occurredAt,
            String resultObjectKey,
            long resultSizeBytes,
            double durationSeconds,
            Integer width,
            Integer height,
            String videoCodec,
            String audioCodec,
            Double startSeconds,
            Double endSeconds,
            Integer rotation,
            List<Track> tracks,
            TrimMethod method)
            implements TaskEvent {
        public static final String TYPE = "task_succeeded.v1";
    }

    /**
     * The attempt failed. {@code kind} tells the api whether another attempt can help.
     *
     * @param reason readable text for the task's {@code error} field; never a stack trace
     */
    @JsonTypeName(Failed.TYPE)
    record Failed(String taskId, int attempt, String workerId, Instant occurredAt, FailureKind kind, String reason)
            implements TaskEvent {
        public static final String TYPE = "task_failed.v1";
    }
}
