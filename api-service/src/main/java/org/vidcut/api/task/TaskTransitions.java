package org.vidcut.api.task;

import static org.vidcut.api.task.TaskState.CANCELED;
import static org.vidcut.api.task.TaskState.DONE;
import static org.vidcut.api.task.TaskState.FAILED;
import static org.vidcut.api.task.TaskState.NEW;
import static org.vidcut.api.task.TaskState.PROCESSING;
import static org.vidcut.api.task.TaskState.SCHEDULED;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one table of allowed task state changes, in the spirit of JobRunr's {@code AllowedJobStateStateChanges}:
 * every change of a task's state is looked up here by the state the task is in and what happened, and a pair
 * with no row is refused. Events are consumed concurrently and may overtake each other, so some rows start from
 * an earlier state than the usual one; their {@code implied} states are the ones the event proves the task went
 * through, and the history records them too.
 */
final class TaskTransitions {

    /** What happened to a task. */
    enum Trigger {
        /** The task joined the fair queue: it waits for its turn. */
        QUEUED,
        /** The fair dispatcher handed its job to the broker. */
        HANDED_OUT,
        /** The broker confirmed the job of the current attempt. */
        CONFIRMED,
        /** A worker took the job. */
        STARTED,
        /** A worker's heartbeat with the progress of its ffmpeg run. */
        PROGRESS,
        /** A worker stored and verified the result. */
        SUCCEEDED,
        /** A final failure: bad input, or a run that used up its attempts. */
        FAILED,
        /** A transient failure or a worker gone silent: the next attempt, after a backoff. */
        RETRIED,
        /** The broker lost its messages (an in-memory broker restarted): the same attempt is published again. */
        REQUEUED,
        /** The owner canceled it. */
        CANCELED,
        /** The owner restarted a failed or canceled task: a new run with a fresh retry budget. */
        RESTARTED;

        /** Whether the change starts a new attempt; events of the old one are stale from then on. */
        boolean startsAttempt() {
            return this == RETRIED || this == RESTARTED;
        }
    }

    /**
     * One allowed change.
     *
     * @param implied states the task is proven to have passed through on its way, recorded before {@code to}
     */
    record Row(TaskState from, Trigger trigger, TaskState to, List<TaskState> implied) {

        /** A row whose task stays where it is, in the same attempt: nothing enters the history. */
        boolean stays() {
            return from == to && !trigger.startsAttempt();
        }

        /** The states the history gains, oldest first. */
        List<TaskState> entered() {
            if (stays()) {
                return List.of();
            }
            var entered = new ArrayList<>(implied);
            entered.add(to);
            return entered;
        }
    }

    static final List<Row> TABLE = List.of(
            row(NEW, Trigger.QUEUED, SCHEDULED),
            // the hand-off to the broker and its confirm are recorded on a task that stays scheduled
            row(SCHEDULED, Trigger.HANDED_OUT, SCHEDULED),
            row(SCHEDULED, Trigger.CONFIRMED, SCHEDULED),
            row(SCHEDULED, Trigger.STARTED, PROCESSING),
            row(NEW, Trigger.STARTED, PROCESSING, SCHEDULED),
            // a job handed out twice (its acknowledgement was lost) starts again: the task just carries on
            row(PROCESSING, Trigger.STARTED, PROCESSING),
            row(PROCESSING, Trigger.PROGRESS, PROCESSING),
            row(SCHEDULED, Trigger.PROGRESS, PROCESSING),
            row(NEW, Trigger.PROGRESS, PROCESSING, SCHEDULED),
            row(PROCESSING, Trigger.SUCCEEDED, DONE),
            row(SCHEDULED, Trigger.SUCCEEDED, DONE, PROCESSING),
            row(NEW, Trigger.SUCCEEDED, DONE, SCHEDULED, PROCESSING),
            row(NEW, Trigger.FAILED, FAILED),
            row(SCHEDULED, Trigger.FAILED, FAILED),
            row(PROCESSING, Trigger.FAILED, FAILED),
            row(NEW, Trigger.RETRIED, NEW),
            row(SCHEDULED, Trigger.RETRIED, NEW),
            row(PROCESSING, Trigger.RETRIED, NEW),
            row(SCHEDULED, Trigger.REQUEUED, NEW),
            row(NEW, Trigger.CANCELED, CANCELED),
            row(SCHEDULED, Trigger.CANCELED, CANCELED),
            row(PROCESSING, Trigger.CANCELED, CANCELED),
            row(FAILED, Trigger.RESTARTED, NEW),
            row(CANCELED, Trigger.RESTARTED, NEW));

    private TaskTransitions() {}

    /** The row for {@code trigger} on a task in {@code from}; empty when the change is not allowed. */
    static Optional<Row> find(TaskState from, Trigger trigger) {
        return TABLE.stream()
                .filter(row -> row.from() == from && row.trigger() == trigger)
                .findFirst();
    }

    static boolean allows(TaskState from, Trigger trigger) {
        return find(from, trigger).isPresent();
    }

    private static Row row(TaskState from, Trigger trigger, TaskState to, TaskState... implied) {
        return new Row(from, trigger, to, List.of(implied));
    }
}
