package org.vidcut.api.task;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.vidcut.api.messaging.TaskEventSink;
import org.vidcut.api.storage.ObjectStore;
import org.vidcut.contracts.FailureKind;
import org.vidcut.contracts.TaskEvent;

/**
 * Applies worker events to tasks. Each change is one compare-and-set on (task id, attempt, states the
 * transition table allows), so redelivered, duplicate, reordered and stale events are harmless: they simply do
 * not match and are ignored.
 */
@Component
class TaskEvents implements TaskEventSink {

    private static final Logger log = LoggerFactory.getLogger(TaskEvents.class);
    private static final Set<TaskState> RETRYABLE = Set.of(TaskState.SCHEDULED, TaskState.PROCESSING);

    private final TaskRepository tasks;
    private final RetryPolicy retryPolicy;
    private final ObjectStore objectStore;
    private final TaskMetrics metrics;

    TaskEvents(TaskRepository tasks, RetryPolicy retryPolicy, ObjectStore objectStore) {
        this(tasks, retryPolicy, objectStore, TaskMetrics.unregistered());
    }

    @Autowired
    TaskEvents(TaskRepository tasks, RetryPolicy retryPolicy, ObjectStore objectStore, TaskMetrics metrics) {
        this.metrics = metrics;
        this.tasks = tasks;
        this.retryPolicy = retryPolicy;
        this.objectStore = objectStore;
    }

    @Override
    public void apply(TaskEvent event) {
        if (event instanceof TaskEvent.Started started) {
            started(started);
        } else if (event instanceof TaskEvent.Progress progress) {
            processing(event, new Update().max("progress", Math.max(0, Math.min(100, progress.percent()))));
        } else if (event instanceof TaskEvent.Succeeded succeeded) {
            succeeded(succeeded);
        } else if (event instanceof TaskEvent.Failed failed) {
            if (failed.kind() == FailureKind.TRANSIENT) {
                retryOrFail(failed.taskId(), failed.attempt(), failed.reason());
            } else {
                fail(failed.taskId(), failed.attempt(), failed.reason(), null);
            }
        }
    }

    /**
     * Gives the task a new attempt after a transient failure of {@code attempt}, or fails it when its run has
     * used up its attempts. Also used by the reaper for a worker that went silent.
     */
    Optional<TaskDocument> retryOrFail(String taskId, int attempt, String reason) {
        return retryOrFail(taskId, attempt, reason, null);
    }

    /**
     * Like {@link #retryOrFail(String, int, String)}, but only while {@code stillTrue} holds as well (the reaper
     * uses it so that a heartbeat arriving meanwhile saves the attempt); null for no extra condition.
     */
    Optional<TaskDocument> retryOrFail(String taskId, int attempt, String reason, Criteria stillTrue) {
        var task = tasks.findById(taskId).filter(t -> t.getAttempt() == attempt);
        if (task.isEmpty()) {
            ignored(taskId, attempt, TaskState.NEW);
            return Optional.empty();
        }
        int attemptsMade = task.get().attemptsInRun();
        var delay = retryPolicy.delayAfter(attemptsMade);
        if (delay.isEmpty()) {
            return fail(taskId, attempt, "gave up after " + attemptsMade + " attempts: " + reason, stillTrue);
        }
        var now = Instant.now();
        var update = TaskDocument.entering(TaskState.NEW, attempt + 1, now)
                .set("attempt", attempt + 1)
                .set("progress", 0)
                .set("error", reason)
                .set("nextPublishAt", now.plus(delay.get()))
                .unset("lastHeartbeatAt")
                .unset("result");
        // not sourcesOf(NEW): FAILED→NEW is a user's restart, never a retry
        var retried = tasks.compareAndSet(guard(taskId, attempt, stillTrue), RETRYABLE, update, now);
        retried.ifPresent(t -> metrics.retried());
        retried.ifPresentOrElse(
                t -> log.info(
                        "task {} attempt {} failed ({}); attempt {} due in {}",
                        taskId,
                        attempt,
                        reason,
                        attempt + 1,
                        delay.get()),
                () -> ignored(taskId, attempt, TaskState.NEW));
        return retried;
    }

    /** Only a start enters the state and the history; progress events just refresh the heartbeat. */
    private void started(TaskEvent.Started event) {
        var now = Instant.now();
        var afterConfirm = EnumSet.copyOf(TaskState.sourcesOf(TaskState.PROCESSING));
        afterConfirm.remove(TaskState.NEW);
        var update = startedUpdate(now).push("history", new StateChange(TaskState.PROCESSING, event.attempt(), now));
        var moved = tasks.compareAndSet(event.taskId(), event.attempt(), afterConfirm, update, now);
        if (moved.isEmpty()) {
            // the start beat the broker's confirm; it proves the broker had the job, so the history says so too
            var early = startedUpdate(now);
            early.push("history")
                    .each(
                            new StateChange(TaskState.SCHEDULED, event.attempt(), now),
                            new StateChange(TaskState.PROCESSING, event.attempt(), now));
            moved = tasks.compareAndSet(event.taskId(), event.attempt(), Set.of(TaskState.NEW), early, now);
        }
        if (moved.isEmpty()) {
            ignored(event.taskId(), event.attempt(), TaskState.PROCESSING);
        }
    }

    private static Update startedUpdate(Instant now) {
        return new Update()
                .set("state", TaskState.PROCESSING)
                .set("lastHeartbeatAt", now)
                .unset("nextPublishAt");
    }

    private void processing(TaskEvent event, Update update) {
        var now = Instant.now();
        update.set("state", TaskState.PROCESSING).set("lastHeartbeatAt", now).unset("nextPublishAt");
        tasks.compareAndSet(event.taskId(), event.attempt(), TaskState.sourcesOf(TaskState.PROCESSING), update, now)
                .ifPresentOrElse(t -> {}, () -> ignored(event.taskId(), event.attempt(), TaskState.PROCESSING));
    }

    private void succeeded(TaskEvent.Succeeded event) {
        var result = new TaskResult(
                event.resultObjectKey(),
                event.resultSizeBytes(),
                event.durationSeconds(),
                event.width(),
                event.height(),
                event.videoCodec(),
                event.audioCodec());
        var now = Instant.now();
        var done = tasks.compareAndSet(
                event.taskId(),
                event.attempt(),
                Set.of(TaskState.PROCESSING),
                doneUpdate(result).push("history", new StateChange(TaskState.DONE, event.attempt(), now)),
                now);
        if (done.isEmpty()) {
            // events are consumed concurrently, so the success may overtake its start; a result proves the
            // task was processed, and the history says so too
            var early = doneUpdate(result);
            early.push("history")
                    .each(
                            new StateChange(TaskState.PROCESSING, event.attempt(), now),
                            new StateChange(TaskState.DONE, event.attempt(), now));
            done = tasks.compareAndSet(event.taskId(), event.attempt(), Set.of(TaskState.SCHEDULED), early, now);
        }
        done.ifPresent(metrics::finished);
        if (done.isEmpty()) {
            ignored(event.taskId(), event.attempt(), TaskState.DONE);
            discardUnusedResult(event);
        }
    }

    private static Update doneUpdate(TaskResult result) {
        return new Update()
                .set("state", TaskState.DONE)
                .set("progress", 100)
                .set("result", result)
                .unset("error")
                .unset("nextPublishAt")
                .unset("lastHeartbeatAt");
    }

    private Optional<TaskDocument> fail(String taskId, int attempt, String reason, Criteria stillTrue) {
        var update = TaskDocument.entering(TaskState.FAILED, attempt, Instant.now())
                .set("error", reason)
                .unset("nextPublishAt")
                .unset("lastHeartbeatAt");
        var failed = tasks.compareAndSet(
                guard(taskId, attempt, stillTrue), TaskState.sourcesOf(TaskState.FAILED), update, Instant.now());
        failed.ifPresent(metrics::finished);
        failed.ifPresentOrElse(
                t -> log.info("task {} attempt {} failed: {}", taskId, attempt, reason),
                () -> ignored(taskId, attempt, TaskState.FAILED));
        return failed;
    }

    /**
     * Deletes the object of a result that will never be shown: an old attempt's, or one for a task that is gone.
     * The current result of a task is never deleted, so a duplicate "succeeded" leaves it alone.
     */
    private void discardUnusedResult(TaskEvent.Succeeded event) {
        var key = event.resultObjectKey();
        if (key == null) {
            return;
        }
        var task = tasks.findById(event.taskId());
        boolean unused = task.map(t -> key.startsWith(t.resultPrefix())
                        && (t.getResult() == null || !key.equals(t.getResult().objectKey())))
                .orElseGet(() -> key.startsWith("results/") && key.contains("/" + event.taskId() + "/"));
        if (!unused) {
            return;
        }
        try {
            objectStore.delete(key);
            log.info("deleted the unused result {} of task {} attempt {}", key, event.taskId(), event.attempt());
        } catch (RuntimeException e) {
            log.warn("could not delete the unused result {}: {}", key, e.toString());
        }
    }

    private static Criteria guard(String taskId, int attempt, Criteria stillTrue) {
        var current = where("_id").is(taskId).and("attempt").is(attempt);
        return stillTrue == null ? current : new Criteria().andOperator(current, stillTrue);
    }

    private void ignored(String taskId, int attempt, TaskState target) {
        if (log.isDebugEnabled()) {
            var task = tasks.findById(taskId);
            log.debug(
                    "ignored a change of task {} attempt {} to {}: task is {}",
                    taskId,
                    attempt,
                    target.id(),
                    task.map(t -> t.getState().id() + " at attempt " + t.getAttempt())
                            .orElse("gone"));
        }
    }
}
