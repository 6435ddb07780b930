package org.vidcut.api.task;

import java.time.Instant;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.vidcut.api.messaging.JobPublisher;
import org.vidcut.contracts.ConversionJob;

/**
 * Publishes the job of a NEW task's current attempt and records the broker's confirm as NEW→SCHEDULED. The task
 * was saved with a due {@code next_publish_at} before publishing, so an unconfirmed job (nack, return, timeout,
 * broker down, or this process dying) is simply published again by the outbox sweeper.
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

    /** @return the task as it is after publishing: SCHEDULED when confirmed, else still NEW */
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
}
