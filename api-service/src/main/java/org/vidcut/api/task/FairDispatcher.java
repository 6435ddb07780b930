package org.vidcut.api.task;

import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.vidcut.api.task.TaskTransitions.Trigger;

/**
 * Fair share between users. A task joins the fair queue as SCHEDULED and waits in MongoDB; the broker only ever
 * holds about one not yet started job per worker ({@link JobWindow}), and whenever there is room the next job goes
 * to the user with the fewest jobs in flight ({@link WaitingTasks}). So a user's thousand tasks delay another
 * user's single one by about one job per worker, not by the whole backlog.
 *
 * <p>Several replicas hand out at once: the hand-off is a compare-and-set on the task (only a task still waiting
 * is claimed), so no task is handed out twice. The window check is not atomic across replicas, so each replica
 * may overshoot it by one job. The lock only keeps one JVM's threads from doing the same work twice.
 */
@Component
class FairDispatcher implements RoomForJobs, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FairDispatcher.class);

    private final TaskRepository tasks;
    private final WaitingTasks queue;
    private final JobDispatcher jobs;
    private final JobWindow window;
    private final TaskProperties properties;
    private final ReentrantLock handingOut = new ReentrantLock();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final AtomicBoolean woken = new AtomicBoolean();
    private final ExecutorService waker = Executors.newSingleThreadExecutor(runnable -> {
        var thread = new Thread(runnable, "vidcut-fair-dispatcher");
        thread.setDaemon(true);
        return thread;
    });

    FairDispatcher(
            TaskRepository tasks, WaitingTasks queue, JobDispatcher jobs, JobWindow window, TaskProperties properties) {
        this.tasks = tasks;
        this.queue = queue;
        this.jobs = jobs;
        this.window = window;
        this.properties = properties;
    }

    /** NEW → SCHEDULED: the task waits for its turn. A task that keeps its place (requeued) keeps its time. */
    TaskDocument enqueue(TaskDocument task) {
        return tasks.transition(
                        task.id(),
                        task.attempt(),
                        Trigger.QUEUED,
                        current -> new Update()
                                .set("queuedAt", current.queuedAt() == null ? Instant.now() : current.queuedAt())
                                .unset("handedOutAt")
                                .unset("nextPublishAt"))
                .or(() -> tasks.findById(task.id()))
                .orElse(task);
    }

    @Override
    public void mayHaveRoom() {
        if (woken.compareAndSet(false, true)) {
            try {
                waker.execute(() -> {
                    woken.set(false);
                    handOut();
                });
            } catch (RuntimeException e) {
                // shutting down
                woken.set(false);
            }
        }
    }

    @Scheduled(
            fixedDelayString = "${vidcut.scheduling.dispatch-interval}",
            initialDelayString = "${vidcut.scheduling.dispatch-interval}")
    void sweep() {
        try {
            handOut();
        } catch (RuntimeException e) {
            log.warn("could not hand out jobs: {}", e.toString());
        }
    }

    /**
     * Hands out the next jobs in fair order while the broker has room. A caller that finds another thread at it
     * leaves the work to that thread, which goes round once more.
     *
     * @return how many handed-out jobs the broker confirmed
     */
    int handOut() {
        int confirmed = 0;
        wanted.set(true);
        while (wanted.get() && handingOut.tryLock()) {
            try {
                wanted.set(false);
                confirmed += handOutWhileRoom();
            } finally {
                handingOut.unlock();
            }
        }
        return confirmed;
    }

    private int handOutWhileRoom() {
        int confirmed = 0;
        for (int tries = 0; tries < properties.sweepBatchSize(); tries++) {
            if (queue.handedOut() >= window.size()) {
                break;
            }
            var next = queue.next();
            if (next.isEmpty()) {
                break;
            }
            var task = next.get();
            var now = Instant.now();
            var claimed = tasks.transition(
                    task.id(),
                    task.attempt(),
                    Trigger.HANDED_OUT,
                    current -> new Update()
                            .set("handedOutAt", now)
                            .set("nextPublishAt", now.plus(properties.republishAfter())),
                    Criteria.where("handedOutAt").is(null));
            if (claimed.isEmpty()) {
                // another replica took it, or it was canceled meanwhile
                continue;
            }
            if (!JobDispatcher.confirmed(jobs.dispatch(claimed.get()))) {
                // the outbox publishes it again later; the broker is unwell, so stop here
                break;
            }
            confirmed++;
        }
        return confirmed;
    }

    @Override
    public void destroy() {
        waker.shutdownNow();
    }
}
