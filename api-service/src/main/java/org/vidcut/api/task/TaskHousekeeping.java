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
 * Background upkeep of tasks: the outbox sweeper that queues due NEW tasks and publishes again handed-out jobs the
 * broker did not confirm, the reaper that gives a new attempt to tasks whose worker went silent, and the optional
 * re-publication of SCHEDULED tasks at startup.
 *
 * <p>A handed-out job the broker confirmed is deliberately left alone however long no worker starts it: it is
 * safe in a durable queue, and a long wait only means every worker is busy (scale them). Re-publishing it would
 * just add duplicates to that queue.
 */
@Component
class TaskHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(TaskHousekeeping.class);

    private final TaskRepository tasks;
    private final JobDispatcher dispatcher;
    private final FairDispatcher fair;
    private final TaskEvents events;
    private final TaskProperties properties;

    TaskHousekeeping(
            TaskRepository tasks,
            JobDispatcher dispatcher,
            FairDispatcher fair,
            TaskEvents events,
            TaskProperties properties) {
        this.tasks = tasks;
        this.dispatcher = dispatcher;
        this.fair = fair;
        this.events = events;
        this.properties = properties;
    }

    /**
     * Queues NEW tasks whose {@code next_publish_at} has passed, publishes again the handed-out jobs whose confirm
     * did not come in time, then hands out whatever the broker has room for. Each republication is claimed first
     * (its next publication pushed back), so two api replicas do not publish the same job; a double publication
     * would still be harmless, as events are applied per attempt.
     *
     * @return how many jobs the broker confirmed
     */
    @Scheduled(
            fixedDelayString = "${vidcut.tasks.sweep-interval}",
            initialDelayString = "${vidcut.tasks.sweep-interval}")
    int sweepOutbox() {
        tasks.findDueToQueue(Instant.now(), properties.sweepBatchSize()).forEach(fair::enqueue);
        int confirmed = 0;
        boolean brokerWell = true;
        for (int i = 0; i < properties.sweepBatchSize(); i++) {
            var now = Instant.now();
            var claimed = tasks.claimDuePublication(now, now.plus(properties.republishAfter()));
            if (claimed.isEmpty()) {
                break;
            }
            if (!JobDispatcher.confirmed(dispatcher.dispatch(claimed.get()))) {
                // the broker is unwell: leave the rest of the batch for a later sweep
                brokerWell = false;
                break;
            }
            confirmed++;
        }
        if (brokerWell) {
            confirmed += fair.handOut();
        }
        if (confirmed > 0) {
            log.info("published {} jobs", confirmed);
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

    /**
     * A broker that forgets messages on restart (the standalone one) has lost every handed-out job: each SCHEDULED
     * task goes back to NEW, keeping its place in the fair queue, and the sweeper queues it again.
     */
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
                            current -> new Update()
                                    .set("nextPublishAt", Instant.now())
                                    .unset("handedOutAt"));
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
