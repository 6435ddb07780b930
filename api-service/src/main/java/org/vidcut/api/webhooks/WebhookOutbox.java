package org.vidcut.api.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.vidcut.api.task.PendingNotifications;
import org.vidcut.api.task.TaskNotifications;
import org.vidcut.api.task.TaskNotificationsPending;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sweeper of the webhook outbox. It turns the notifications tasks carry into delivery documents, one per
 * subscribed webhook, and hands due deliveries to a small pool of senders. It runs at once when a task of this
 * api changed ({@link TaskNotificationsPending}) or a sender finished, and every sweep interval regardless, which
 * picks up what other replicas or a previous run of this one left behind.
 */
@Component
class WebhookOutbox implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookOutbox.class);
    private static final int BATCH = 100;

    private final TaskNotifications notifications;
    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final WebhookSender sender;
    private final WebhookProperties properties;
    private final JsonMapper json;
    private final Semaphore wakeups = new Semaphore(0);
    private final Semaphore idleSenders;

    private volatile boolean running;
    private @Nullable Thread sweeper;
    private @Nullable ExecutorService pool;

    WebhookOutbox(
            TaskNotifications notifications,
            WebhookRepository webhooks,
            DeliveryRepository deliveries,
            WebhookSender sender,
            WebhookProperties properties,
            JsonMapper json) {
        this.notifications = notifications;
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.sender = sender;
        this.properties = properties;
        this.json = json;
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
        pool = Executors.newFixedThreadPool(properties.senders(), task -> {
            var thread = new Thread(task, "webhook-sender-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        var thread = new Thread(this::run, "webhook-outbox");
        thread.setDaemon(true);
        thread.start();
        sweeper = thread;
    }

    /** Stops sweeping; an attempt cut short stays claimed and is made again once its lease ends. */
    @Override
    public synchronized void stop() {
        running = false;
        if (sweeper != null) {
            sweeper.interrupt();
        }
        if (pool != null) {
            pool.shutdownNow();
            try {
                pool.awaitTermination(properties.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
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
                wakeups.tryAcquire(properties.sweepInterval().toMillis(), TimeUnit.MILLISECONDS);
                wakeups.drainPermits();
                createDeliveries();
                sendDue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("webhook sweep failed, trying again at the next one: {}", e.toString());
                }
            }
        }
    }

    /** Turns due task notifications into deliveries; each claim is released only once its deliveries exist. */
    void createDeliveries() {
        for (int i = 0; i < BATCH; i++) {
            var now = Instant.now();
            var claim = notifications.claimNext(now, now.plus(properties.lease()));
            if (claim.isEmpty()) {
                return;
            }
            for (var notice : claim.get().notices()) {
                createDeliveries(claim.get(), notice, now);
            }
            notifications.release(claim.get());
        }
    }

    private void createDeliveries(PendingNotifications claim, PendingNotifications.Notice notice, Instant now) {
        var event = WebhookEvent.ofTaskState(notice.state());
        if (event.isEmpty()) {
            return;
        }
        var subscribed = webhooks.findSubscribed(claim.ownerId(), event.get().type());
        if (subscribed.isEmpty()) {
            return;
        }
        // one id per event: the same task attempt enters a state at most once
        var eventId = "evt_" + claim.taskId() + "_" + notice.attempt() + "_" + notice.state();
        var payload = json.createObjectNode()
                .put("type", event.get().type())
                .put("timestamp", notice.at().toString())
                .set("data", claim.task());
        var body = json.writeValueAsString(payload);
        for (var webhook : subscribed) {
            deliveries.insertIfAbsent(new DeliveryDocument(
                    deliveryId(webhook.id(), eventId),
                    webhook.id(),
                    claim.ownerId(),
                    eventId,
                    event.get().type(),
                    claim.taskId(),
                    body,
                    DeliveryState.PENDING,
                    0,
                    null,
                    now,
                    null,
                    now,
                    now.plus(properties.retryFor())));
        }
    }

    /** Claims due deliveries while a sender is idle and hands each to one. */
    void sendDue() {
        var senders = pool;
        while (senders != null && idleSenders.tryAcquire()) {
            var now = Instant.now();
            var claimed = deliveries.claimDue(now, now.plus(properties.lease()));
            if (claimed.isEmpty()) {
                idleSenders.release();
                return;
            }
            try {
                senders.execute(() -> {
                    try {
                        attempt(claimed.get());
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

    private void attempt(DeliveryDocument delivery) {
        var webhook = webhooks.findById(delivery.webhookId());
        if (webhook.isEmpty()) {
            deliveries.recordFailure(delivery.id(), null, "the webhook was deleted", null);
            return;
        }
        var outcome = sender.send(delivery, webhook.get());
        if (outcome.delivered() && outcome.statusCode() != null) {
            deliveries.recordSuccess(delivery.id(), outcome.statusCode());
            return;
        }
        var now = Instant.now();
        var next =
                now.isBefore(delivery.giveUpAt()) ? now.plus(properties.backoffAfter(delivery.attempts() + 1)) : null;
        var error = outcome.error() == null ? "failed" : outcome.error();
        deliveries.recordFailure(delivery.id(), outcome.statusCode(), error, next);
    }

    static String deliveryId(String webhookId, String eventId) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest((webhookId + "\n" + eventId).getBytes(StandardCharsets.UTF_8));
            return "dlv_" + HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
