package org.vidcut.api.task;

import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.vidcut.api.messaging.CancelPublisher;
import org.vidcut.api.messaging.TaskEventSink;
import org.vidcut.api.storage.ObjectStore;
import org.vidcut.api.task.TaskTransitions.Trigger;
import org.vidcut.contracts.CancelTask;
import org.vidcut.contracts.FailureKind;
import org.vidcut.contracts.TaskEvent;

/**
 * Applies worker events to tasks through the transition table, so redelivered, duplicate, reordered and stale
 * events are harmless: the table or the attempt refuses them. A worker that reports on an attempt that should
 * not run (canceled, deleted, superseded) is told to stop.
 */
@Component
class TaskEvents implements TaskEventSink {

    private static final Logger log = LoggerFactory.getLogger(TaskEvents.class);

    private final TaskRepository tasks;
    private final RetryPolicy retryPolicy;
    private final ObjectStore objectStore;
    private final TaskMetrics metrics;
    private final CancelPublisher cancels;
    private final RoomForJobs room;

    TaskEvents(
            TaskRepository tasks,
            RetryPolicy retryPolicy,
            ObjectStore objectStore,
            TaskMetrics metrics,
            CancelPublisher cancels,
            RoomForJobs room) {
        this.tasks = tasks;
        this.retryPolicy = retryPolicy;
        this.objectStore = objectStore;
        this.metrics = metrics;
        this.cancels = cancels;
        this.room = room;
    }

    @Override
    public void apply(TaskEvent event) {
        if (event instanceof TaskEvent.Started started) {
            running(started, Trigger.STARTED, null);
        } else if (event instanceof TaskEvent.Progress progress) {
            running(progress, Trigger.PROGRESS, progress.percent());
        } else if (event instanceof TaskEvent.Succeeded succeeded) {
            succeeded(succeeded);
        } else if (event instanceof TaskEvent.Failed failed) {
            if (failed.kind() == FailureKind.TRANSIENT) {
                retryOrFail(failed.taskId(), failed.attempt(), failed.reason(), null);
            } else {
                fail(failed.taskId(), failed.attempt(), failed.reason(), null);
            }
        }
        if (!(event instanceof TaskEvent.Progress)) {
            // a started job left the broker, an ended one lowered its owner's load: the next job's turn may come
            room.mayHaveRoom();
        }
    }

    /**
     * Gives the task a new attempt after a transient failure of {@code attempt}, or fails it when its run has
     * used up its attempts; only while {@code stillTrue} holds as well (the reaper uses it so that a heartbeat
     * arriving meanwhile saves the attempt), null for no extra condition.
     */
    Optional<TaskDocument> retryOrFail(String taskId, int attempt, String reason, @Nullable Criteria stillTrue) {
        var task = tasks.findById(taskId).filter(t -> t.attempt() == attempt);
        if (task.isEmpty()) {
            ignored(taskId, attempt, Trigger.RETRIED);
            return Optional.empty();
        }
        int attemptsMade = task.get().attemptsInRun();
        var delay = retryPolicy.delayAfter(attemptsMade);
        if (delay.isEmpty()) {
            return fail(taskId, attempt, "gave up after " + attemptsMade + " attempts: " + reason, stillTrue);
        }
        var retried = tasks.transition(
                taskId,
                attempt,
                Trigger.RETRIED,
                current -> new Update()
                        .set("progress", 0)
                        .set("error", reason)
                        .set("nextPublishAt", Instant.now().plus(delay.get()))
                        .unset("queuedAt")
                        .unset("handedOutAt")
                        .unset("lastHeartbeatAt")
                        .unset("result"),
                stillTrue);
        retried.ifPresentOrElse(
                t -> {
                    metrics.retried();
                    log.info(
                            "task {} attempt {} failed ({}); attempt {} due in {}",
                            taskId,
                            attempt,
                            reason,
                            t.attempt(),
                            delay.get());
                },
                () -> ignored(taskId, attempt, Trigger.RETRIED));
        return retried;
    }

    /** A start or a heartbeat: the task is (still) processing, or the worker is told to stop. */
    private void running(TaskEvent event, Trigger trigger, @Nullable Double percent) {
        var moved = tasks.transition(event.taskId(), event.attempt(), trigger, task -> {
            var update = new Update().set("lastHeartbeatAt", Instant.now()).unset("nextPublishAt");
            return percent == null ? update : update.max("progress", Math.max(0, Math.min(100, percent)));
        });
        if (moved.isEmpty()) {
            ignored(event.taskId(), event.attempt(), trigger);
            stopUnwantedRun(event);
        }
    }

    private void succeeded(TaskEvent.Succeeded event) {
        // the result's key is the task's own, never the one a message names
        var done = tasks.transition(
                event.taskId(),
                event.attempt(),
                Trigger.SUCCEEDED,
                task -> new Update()
                        .set("progress", 100)
                        .set("result", TaskResult.of(task.resultObjectKeyFor(event.attempt()), event))
                        .unset("error")
                        .unset("nextPublishAt")
                        .unset("lastHeartbeatAt"));
        done.ifPresentOrElse(metrics::finished, () -> {
            ignored(event.taskId(), event.attempt(), Trigger.SUCCEEDED);
            discardUnusedResult(event);
        });
    }

    private Optional<TaskDocument> fail(String taskId, int attempt, String reason, @Nullable Criteria stillTrue) {
        var failed = tasks.transition(
                taskId,
                attempt,
                Trigger.FAILED,
                task -> new Update().set("error", reason).unset("nextPublishAt").unset("lastHeartbeatAt"),
                stillTrue);
        failed.ifPresentOrElse(
                t -> {
                    metrics.finished(t);
                    log.info("task {} attempt {} failed: {}", taskId, attempt, reason);
                },
                () -> ignored(taskId, attempt, Trigger.FAILED));
        return failed;
    }

    /** A worker runs an attempt that is not wanted (any more): the task is gone, finished, or at another attempt. */
    private void stopUnwantedRun(TaskEvent event) {
        var task = tasks.findById(event.taskId());
        boolean wanted = task.map(
                        t -> t.attempt() == event.attempt() && t.state().active())
                .orElse(false);
        if (!wanted) {
            var reason = task.map(t -> "the task is " + t.state().id() + " at attempt " + t.attempt())
                    .orElse("the task was deleted");
            cancels.publish(new CancelTask(event.taskId(), event.attempt(), reason, Instant.now()));
        }
    }

    /**
     * Deletes the object of a result that will never be shown: an old attempt's, a canceled one's, or one for a
     * task that is gone. The current result of a task is never deleted, so a duplicate "succeeded" leaves it
     * alone.
     */
    private void discardUnusedResult(TaskEvent.Succeeded event) {
        var task = tasks.findById(event.taskId());
        String key;
        if (task.isPresent()) {
            key = task.get().resultObjectKeyFor(event.attempt());
            var current = task.get().result();
            if (current != null && key.equals(current.objectKey())) {
                return;
            }
        } else {
            // the task is gone, so nothing says where its results were but the message: only a task's own prefix
            key = event.resultObjectKey();
            if (key == null || !key.startsWith("results/") || !key.contains("/" + event.taskId() + "/")) {
                return;
            }
        }
        try {
            objectStore.delete(key);
            log.info("deleted the unused result {} of task {} attempt {}", key, event.taskId(), event.attempt());
        } catch (RuntimeException e) {
            log.warn("could not delete the unused result {}: {}", key, e.toString());
        }
    }

    private void ignored(String taskId, int attempt, Trigger trigger) {
        if (log.isDebugEnabled()) {
            var task = tasks.findById(taskId);
            log.debug(
                    "ignored {} of task {} attempt {}: task is {}",
                    trigger,
                    taskId,
                    attempt,
                    task.map(t -> t.state().id() + " at attempt " + t.attempt()).orElse("gone"));
        }
    }
}
