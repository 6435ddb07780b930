package org.vidcut.api.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.springframework.stereotype.Component;
import org.vidcut.api.task.PendingNotifications;
import tools.jackson.databind.json.JsonMapper;

/** Turns a task's notifications into delivery documents, one per event and subscribed webhook of its owner. */
@Component
class EventFanout {

    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final WebhookProperties properties;
    private final JsonMapper json;

    EventFanout(
            WebhookRepository webhooks, DeliveryRepository deliveries, WebhookProperties properties, JsonMapper json) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.properties = properties;
        this.json = json;
    }

    /** Stores the deliveries of every notice; those that exist already (a repeated sweep) are left as they are. */
    void fanOut(PendingNotifications claim, Instant now) {
        for (var notice : claim.notices()) {
            fanOut(claim, notice, now);
        }
    }

    private void fanOut(PendingNotifications claim, PendingNotifications.Notice notice, Instant now) {
        var event = WebhookEvent.ofTaskState(notice.state());
        if (event.isEmpty()) {
            return;
        }
        var subscribed = webhooks.findSubscribed(claim.ownerId(), event.get().type());
        if (subscribed.isEmpty()) {
            return;
        }
        // one id per event: an attempt of a task enters each state at most once
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
