package org.vidcut.api.task;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.vidcut.support.logging.TaskLogContext;

/**
 * Background upkeep of tasks: the outbox sweeper that publishes due NEW tasks, the reaper that gives a new
 * attempt to tasks whose worker went silent, and the optional re-publication of SCHEDULED tasks at startup.
 *
 * <p>A SCHEDULED task that no worker has started is deliberately left alone however long it waits: the broker
 * confirmed the job, so it is safe in a durable queue, and a long wait only means the queue is deep (scale the
 * workers). Re-publishing it would just add duplicates to that queue.
 */
@Component
class TaskHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(TaskHousekeeping.class);

    private final TaskRepository tasks;
    private final JobDispatcher dispatcher;
    private final TaskEvents events;
    private final TaskProperties properties;

    TaskHousekeeping(TaskRepository tasks, JobDispatcher dispatcher, TaskEvents events, TaskProperties properties) {
        this.tasks = tasks;
        this.dispatcher = dispatcher;
        this.events = events;
        this.properties = properties;
    }

    /**
     * Publishes NEW tasks whose {@code next_publish_at} has passed. Each is claimed first (its next publication
     * pushed back), so two api replicas do not publish the same task; a double publication would still be
     * harmless, as events are applied per attempt.
     *
     * @return how many jobs the broker confirmed
     */
    @Scheduled(
            fixedDelayString = "${vidcut.tasks.sweep-interval}",
            initialDelayString = "${vidcut.tasks.sweep-interval}")
    int sweepOutbox() {
        int confirmed = 0;
        for (int i = 0; i < properties.sweepBatchSize(); i++) {
            var now = Instant.now();
            var claimed = tasks.claimDuePublication(now, now.plus(properties.republishAfter()));
            if (claimed.isEmpty()) {
                break;
            }
            var task = dispatcher.dispatch(claimed.get());
            if (task.state() == TaskState.NEW) {
                // the broker is unwell: leave the rest of the batch for a later sweep
                break;
            }
            confirmed++;
        }
        if (confirmed > 0) {
            log.info("published {} due jobs", confirmed);
        }
        return confirmed;
    }

    /**
     * Gives a new attempt (or, when the run has used up its attempts, failure) to PROCESSING tasks whose worker
     * has not sent a heartbeat within the timeout. Workers acknowledge a job as soon as they have reported its
     * start, so this is what gives a new attempt to the task of a worker that died or hangs.
     *
     * @return how many tasks were reaped
     */
    @Scheduled(
            fixedDelayString = "${vidcut.tasks.sweep-interval}",
            initialDelayString = "${vidcut.tasks.sweep-interval}")
    int reapSilentTasks() {
        var cutoff = Instant.now().minus(properties.heartbeatTimeout());
        int reaped = 0;
        for (var task : tasks.findSilentSince(cutoff, properties.sweepBatchSize())) {
            var stillSilent = where("lastHeartbeatAt").lt(cutoff);
            try (var context = TaskLogContext.open(task.id(), task.attempt())) {
                if (events.retryOrFail(task.id(), task.attempt(), "worker stopped sending heartbeats", stillSilent)
                        .isPresent()) {
                    reaped++;
                }
            }
        }
        return reaped;
    }

    /** A broker that forgets messages on restart (the standalone one) has lost every SCHEDULED job. */
    @EventListener(ApplicationReadyEvent.class)
    void requeueScheduledOnStartup() {
        if (!properties.requeueScheduledOnStartup()) {
            return;
        }
        try {
            long due = 0;
            long inBatch;
            do {
                inBatch = 0;
                for (var task : tasks.findInState(TaskState.SCHEDULED, properties.sweepBatchSize())) {
                    var requeued = tasks.transition(
                            task.id(),
                            task.attempt(),
                            TaskTransitions.Trigger.REQUEUED,
                            current -> new Update().set("nextPublishAt", Instant.now()));
                    inBatch += requeued.isPresent() ? 1 : 0;
                }
                due += inBatch;
            } while (inBatch > 0);
            log.info("{} scheduled tasks will be published again", due);
        } catch (RuntimeException e) {
            log.warn("could not requeue scheduled tasks: {}", e.toString());
        }
    }
}
