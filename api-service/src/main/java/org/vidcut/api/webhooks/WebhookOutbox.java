package org.vidcut.api.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.vidcut.api.task.TaskNotifications;
import org.vidcut.api.task.TaskNotificationsPending;

/**
 * The sweeper of the webhook outbox: it turns the notifications tasks carry into deliveries and hands due
 * deliveries to a small pool of senders. It sweeps at once when a task of this api changed
 * ({@link TaskNotificationsPending}), a delivery was redelivered or a retry this api scheduled falls due, and
 * every sweep interval regardless, which picks up what other replicas or a previous run of this one left behind.
 */
@Component
class WebhookOutbox implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookOutbox.class);
    private static final int BATCH = 100;

    private final TaskNotifications notifications;
    private final EventFanout fanout;
    private final DeliveryRepository deliveries;
    private final DeliveryAttempts attempts;
    private final WebhookProperties properties;
    private final Semaphore wakeups = new Semaphore(0);
    private final Semaphore idleSenders;

    private volatile boolean running;
    private @Nullable Thread sweeper;
    private @Nullable ExecutorService senders;
    private @Nullable ScheduledExecutorService timer;

    WebhookOutbox(
            TaskNotifications notifications,
            EventFanout fanout,
            DeliveryRepository deliveries,
            DeliveryAttempts attempts,
            WebhookProperties properties) {
        this.notifications = notifications;
        this.fanout = fanout;
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.properties = properties;
        this.idleSenders = new Semaphore(properties.senders());
    }

    @EventListener
    void onPending(TaskNotificationsPending event) {
        wake();
    }

    void wake() {
        wakeups.release();
    }

    @Override
    public synchronized void start() {
        var threads = new AtomicInteger();
        senders = Executors.newFixedThreadPool(
                properties.senders(), task -> daemon(task, "webhook-sender-" + threads.incrementAndGet()));
        timer = Executors.newSingleThreadScheduledExecutor(task -> daemon(task, "webhook-retry-timer"));
        running = true;
        sweeper = daemon(this::run, "webhook-outbox");
        sweeper.start();
    }

    /** Stops sweeping; an attempt cut short stays claimed and is made again once its lease ends. */
    @Override
    public synchronized void stop() {
        running = false;
        if (sweeper != null) {
            sweeper.interrupt();
        }
        if (timer != null) {
            timer.shutdownNow();
        }
        if (senders != null) {
            senders.shutdownNow();
            try {
                senders.awaitTermination(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                wakeups.drainPermits();
                createDeliveries();
                sendDue();
                wakeups.tryAcquire(properties.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("webhook sweep failed, trying again at the next one: {}", e.toString());
                    sleepQuietly();
                }
            }
        }
    }

    /** Turns due task notifications into deliveries; each claim is released only once its deliveries exist. */
    private void createDeliveries() {
        for (int i = 0; i < BATCH; i++) {
            var now = Instant.now();
            var claim = notifications.claimNext(now, now.plus(properties.lease()));
            if (claim.isEmpty()) {
                return;
            }
            fanout.fanOut(claim.get(), now);
            notifications.release(claim.get());
        }
    }

    /** Claims due deliveries while a sender is idle and hands each to one. */
    private void sendDue() {
        var pool = senders;
        while (pool != null && idleSenders.tryAcquire()) {
            var now = Instant.now();
            var claimed = deliveries.claimDue(now, now.plus(properties.lease()));
            if (claimed.isEmpty()) {
                idleSenders.release();
                return;
            }
            try {
                pool.execute(() -> {
                    try {
                        attempts.attempt(claimed.get()).ifPresent(this::wakeAt);
                    } finally {
                        idleSenders.release();
                        wake();
                    }
                });
            } catch (RejectedExecutionException e) {
                // shutting down: the claim runs out and another run makes the attempt
                idleSenders.release();
                return;
            }
        }
    }

    /** A retry due before the next sweep is not left waiting for it. */
    private void wakeAt(Instant due) {
        var delay = Duration.between(Instant.now(), due);
        var scheduler = timer;
        if (scheduler != null && delay.compareTo(properties.sweepInterval()) < 0) {
            try {
                scheduler.schedule(this::wake, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // shutting down: the next run's sweep finds the retry
            }
        }
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(properties.sweepInterval().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread daemon(Runnable task, String name) {
        var thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
