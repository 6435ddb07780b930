package org.vidcut.api.task;

import java.time.Instant;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.vidcut.api.messaging.JobPublisher;
import org.vidcut.contracts.ConversionJob;

/**
 * Publishes the job of a handed-out SCHEDULED task's current attempt and records the broker's confirm by clearing
 * its {@code next_publish_at}. The hand-off saved that as due before publishing, so an unconfirmed job (nack,
 * return, timeout, broker down, or this process dying) is simply published again by the outbox sweeper.
 */
@Component
class JobDispatcher {

    private final JobPublisher publisher;
    private final TaskRepository tasks;
    private final TaskProperties properties;

    JobDispatcher(JobPublisher publisher, TaskRepository tasks, TaskProperties properties) {
        this.publisher = publisher;
        this.tasks = tasks;
        this.properties = properties;
    }

    /** @return the task as it is after publishing; {@link #confirmed} says whether the broker took the job */
    TaskDocument dispatch(TaskDocument task) {
        var job = new ConversionJob(
                task.id(),
                task.attempt(),
                task.sourceObjectKey(),
                task.currentResultObjectKey(),
                task.sourceDurationSeconds(),
                task.operations(),
                Instant.now());
        if (!publisher.publish(job, properties.publishConfirmTimeout()).confirmed()) {
            return task;
        }
        // A worker's "started" may already have moved the task on: then the table has nothing to record.
        return tasks.transition(
                        task.id(),
                        task.attempt(),
                        TaskTransitions.Trigger.CONFIRMED,
                        current -> new Update().unset("nextPublishAt"))
                .or(() -> tasks.findById(task.id()))
                .orElse(task);
    }

    /** Whether the task's job is no longer waiting for a confirm (confirmed, or the task moved on). */
    static boolean confirmed(TaskDocument task) {
        return task.state() != TaskState.SCHEDULED || task.nextPublishAt() == null;
    }
}
