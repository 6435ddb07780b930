package org.vidcut.api.task;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.bson.types.ObjectId;
import org.vidcut.contracts.Accuracy;
import org.vidcut.contracts.Operations;
import org.vidcut.contracts.OutputFormat;
import org.vidcut.contracts.TrimMethod;

/**
 * Test fixture for task documents, in the style of JobRunr's {@code JobTestBuilder}: {@code aTask()} is alice's
 * NEW trim (2 s to 10 s of a 60 s 1920x1080 mp4, exact, to mp4) at attempt 1, and each method changes one thing.
 * Fields that a real task in the chosen state has are filled in by {@link #build()} unless they were given: a due
 * publication for NEW, a fresh heartbeat for PROCESSING, a measured result and full progress for DONE, a reason for
 * FAILED; and the history walks the usual path to the state.
 */
final class TaskBuilder {

    private static final int SOURCE_WIDTH = 1920;
    private static final int SOURCE_HEIGHT = 1080;
    private static final double SOURCE_SECONDS = 60;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    private String id = new ObjectId().toHexString();
    private String ownerId = "alice";
    private String videoId = "v1";
    private TaskState state = TaskState.NEW;
    private int attempt = 1;
    private int runFirstAttempt = 1;
    private Double progress;
    private RequestedParams requested = new RequestedParams(2.0, 10.0, null, null, null, null);
    private Operations operations = new Operations(2, 10, null, null, OutputFormat.MP4, Accuracy.EXACT, false);
    private TaskResult result;
    private boolean resultGiven;
    private String error;
    private boolean errorGiven;
    private Instant createdAt = now;
    private Instant updatedAt = now;
    private Instant nextPublishAt;
    private boolean nextPublishAtGiven;
    private Instant lastHeartbeatAt;
    private boolean lastHeartbeatAtGiven;
    private Instant queuedAt;
    private boolean waiting;

    private TaskBuilder() {}

    static TaskBuilder aTask() {
        return new TaskBuilder();
    }

    TaskBuilder id(String id) {
        this.id = id;
        return this;
    }

    TaskBuilder ownedBy(String ownerId) {
        this.ownerId = ownerId;
        return this;
    }

    TaskBuilder video(String videoId) {
        this.videoId = videoId;
        return this;
    }

    TaskBuilder in(TaskState state) {
        this.state = state;
        return this;
    }

    /** Scheduled with its job handed to the broker (and confirmed). */
    TaskBuilder scheduled() {
        return in(TaskState.SCHEDULED);
    }

    /** Scheduled and waiting for its turn in the fair queue, queued at {@code queuedAt}. */
    TaskBuilder waiting(Instant queuedAt) {
        this.waiting = true;
        this.queuedAt = millis(queuedAt);
        return in(TaskState.SCHEDULED);
    }

    TaskBuilder processing() {
        return in(TaskState.PROCESSING);
    }

    TaskBuilder done() {
        return in(TaskState.DONE);
    }

    TaskBuilder failed() {
        return in(TaskState.FAILED);
    }

    TaskBuilder canceled() {
        return in(TaskState.CANCELED);
    }

    TaskBuilder attempt(int attempt) {
        this.attempt = attempt;
        return this;
    }

    /** The first attempt of the current run (1, or the attempt the latest restart began). */
    TaskBuilder runFirstAttempt(int runFirstAttempt) {
        this.runFirstAttempt = runFirstAttempt;
        return this;
    }

    TaskBuilder progress(double progress) {
        this.progress = progress;
        return this;
    }

    TaskBuilder requested(RequestedParams requested) {
        this.requested = requested;
        return this;
    }

    TaskBuilder operations(Operations operations) {
        this.operations = operations;
        return this;
    }

    TaskBuilder result(TaskResult result) {
        this.result = result;
        this.resultGiven = true;
        return this;
    }

    TaskBuilder error(String error) {
        this.error = error;
        this.errorGiven = true;
        return this;
    }

    TaskBuilder createdAt(Instant createdAt) {
        this.createdAt = millis(createdAt);
        return this;
    }

    TaskBuilder updatedAt(Instant updatedAt) {
        this.updatedAt = millis(updatedAt);
        return this;
    }

    /** When the outbox publishes the job (again); null for never. */
    TaskBuilder nextPublishAt(Instant nextPublishAt) {
        this.nextPublishAt = millis(nextPublishAt);
        this.nextPublishAtGiven = true;
        return this;
    }

    /** The latest heartbeat of the worker; null for none. */
    TaskBuilder lastHeartbeatAt(Instant lastHeartbeatAt) {
        this.lastHeartbeatAt = millis(lastHeartbeatAt);
        this.lastHeartbeatAtGiven = true;
        return this;
    }

    // MongoDB keeps milliseconds: a task built here equals the same task read back
    private static Instant millis(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS);
    }

    TaskDocument build() {
        var task = document(resultGiven ? result : null);
        if (resultGiven || state != TaskState.DONE) {
            return task;
        }
        return document(measuredResult(task.resultObjectKeyFor(attempt)));
    }

    private TaskDocument document(TaskResult result) {
        return new TaskDocument(
                id,
                ownerId,
                videoId,
                "holiday.mp4",
                "originals/" + ownerId + "/" + videoId,
                SOURCE_SECONDS,
                SOURCE_WIDTH,
                SOURCE_HEIGHT,
                state,
                attempt,
                runFirstAttempt,
                progress != null ? progress : state == TaskState.DONE ? 100 : 0,
                requested,
                operations,
                result,
                errorGiven ? error : state == TaskState.FAILED ? "the source is not a readable video" : null,
                createdAt,
                updatedAt,
                nextPublishAtGiven ? nextPublishAt : state == TaskState.NEW ? createdAt : null,
                lastHeartbeatAtGiven ? lastHeartbeatAt : state == TaskState.PROCESSING ? updatedAt : null,
                queuedAt != null ? queuedAt : state == TaskState.NEW ? null : createdAt,
                waiting || state == TaskState.NEW ? null : createdAt,
                usualPath(),
                0L);
    }

    /** What a worker would have measured for the default trim: 8 s of the source's 1920x1080 H.264/AAC. */
    private TaskResult measuredResult(String key) {
        return new TaskResult(
                key,
                1_234_567,
                operations.outputSeconds(),
                SOURCE_WIDTH,
                SOURCE_HEIGHT,
                "h264",
                "aac",
                operations.startSeconds(),
                operations.endSeconds(),
                null,
                null,
                TrimMethod.REENCODE);
    }

    private List<StateChange> usualPath() {
        var path = new ArrayList<TaskState>();
        path.add(TaskState.NEW);
        if (state != TaskState.NEW) {
            path.add(TaskState.SCHEDULED);
        }
        if (state == TaskState.PROCESSING || state == TaskState.DONE || state == TaskState.FAILED) {
            path.add(TaskState.PROCESSING);
        }
        if (!state.active()) {
            path.add(state);
        }
        return path.stream().map(s -> new StateChange(s, attempt, createdAt)).toList();
    }
}
