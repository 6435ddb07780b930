package org.vidcut.api.testing;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.vidcut.contracts.FailureKind;
import org.vidcut.contracts.TaskEvent;
import org.vidcut.contracts.Track;
import org.vidcut.contracts.TrimMethod;

/**
 * Test fixture for what workers report, in the style of JobRunr's {@code JobTestBuilder}: {@code
 * aWorkerEvent().forTask(id)} is worker w1 reporting on attempt 1 now, and a success is what a current worker
 * measures for the default trim (8 s of 2 s to 10 s, 1280x720 H.264/AAC, 1234 bytes, re-encoded, not turned, no
 * track list, no result key). Each method changes one thing; {@link #started()}, {@link #progress(double)}, {@link
 * #succeeded()} and {@link #failed(FailureKind, String)} make the event.
 */
public final class WorkerEventBuilder {

    private String taskId = "t1";
    private int attempt = 1;
    private String workerId = "w1";
    private @Nullable Instant occurredAt;
    private @Nullable String resultObjectKey;
    private long resultSizeBytes = 1234;
    private double durationSeconds = 8.0;
    private int width = 1280;
    private int height = 720;
    private @Nullable Double startSeconds = 2.0;
    private @Nullable Double endSeconds = 10.0;
    private @Nullable Integer rotation;
    private @Nullable List<Track> tracks;
    private @Nullable TrimMethod method = TrimMethod.REENCODE;

    private WorkerEventBuilder() {}

    public static WorkerEventBuilder aWorkerEvent() {
        return new WorkerEventBuilder();
    }

    public WorkerEventBuilder forTask(String taskId) {
        this.taskId = taskId;
        return this;
    }

    public WorkerEventBuilder attempt(int attempt) {
        this.attempt = attempt;
        return this;
    }

    public WorkerEventBuilder by(String workerId) {
        this.workerId = workerId;
        return this;
    }

    /** When the worker saw it; the time of each {@code started()}, {@code succeeded()}... call when not given. */
    public WorkerEventBuilder at(Instant occurredAt) {
        this.occurredAt = occurredAt;
        return this;
    }

    /** Where the worker says it stored the result. */
    public WorkerEventBuilder resultKey(@Nullable String resultObjectKey) {
        this.resultObjectKey = resultObjectKey;
        return this;
    }

    public WorkerEventBuilder sizeBytes(long resultSizeBytes) {
        this.resultSizeBytes = resultSizeBytes;
        return this;
    }

    public WorkerEventBuilder durationSeconds(double durationSeconds) {
        this.durationSeconds = durationSeconds;
        return this;
    }

    public WorkerEventBuilder dimensions(int width, int height) {
        this.width = width;
        this.height = height;
        return this;
    }

    /** Where the cut really begins and ends in the source; nulls as from an older worker. */
    public WorkerEventBuilder cut(@Nullable Double startSeconds, @Nullable Double endSeconds) {
        this.startSeconds = startSeconds;
        this.endSeconds = endSeconds;
        return this;
    }

    public WorkerEventBuilder rotation(@Nullable Integer rotation) {
        this.rotation = rotation;
        return this;
    }

    public WorkerEventBuilder tracks(@Nullable List<Track> tracks) {
        this.tracks = tracks;
        return this;
    }

    /** How the result was cut; null as from an older worker. */
    public WorkerEventBuilder method(@Nullable TrimMethod method) {
        this.method = method;
        return this;
    }

    public TaskEvent.Started started() {
        return new TaskEvent.Started(taskId, attempt, workerId, occurredAt());
    }

    public TaskEvent.Progress progress(double percent) {
        return new TaskEvent.Progress(taskId, attempt, workerId, occurredAt(), percent);
    }

    public TaskEvent.Succeeded succeeded() {
        return new TaskEvent.Succeeded(
                taskId,
                attempt,
                workerId,
                occurredAt(),
                resultObjectKey,
                resultSizeBytes,
                durationSeconds,
                width,
                height,
                "h264",
                "aac",
                startSeconds,
                endSeconds,
                rotation,
                tracks,
                method);
    }

    public TaskEvent.Failed failed(FailureKind kind, String reason) {
        return new TaskEvent.Failed(taskId, attempt, workerId, occurredAt(), kind, reason);
    }

    private Instant occurredAt() {
        return occurredAt != null ? occurredAt : Instant.now();
    }
}
