package org.vidcut.api.webhooks;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/** The webhook use cases, always scoped to the calling user. */
@Service
class WebhookService {

    private static final int MAX_URL_LENGTH = 2048;

    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final TargetGuard guard;
    private final WebhookProperties properties;
    private final WebhookOutbox outbox;

    WebhookService(
            WebhookRepository webhooks,
            DeliveryRepository deliveries,
            TargetGuard guard,
            WebhookProperties properties,
            WebhookOutbox outbox) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.guard = guard;
        this.properties = properties;
        this.outbox = outbox;
    }

    CreatedWebhook create(String ownerId, CreateWebhookRequest request) {
        var url = request.url();
        if (url == null || url.isBlank()) {
            throw new WebhookRejected("url", "is required");
        }
        if (url.length() > MAX_URL_LENGTH) {
            throw new WebhookRejected("url", "must be at most " + MAX_URL_LENGTH + " characters");
        }
        guard.checkUrl(url);
        var webhook = new WebhookDocument(
                new ObjectId().toHexString(),
                ownerId,
                url,
                eventTypes(request.events()),
                WebhookSignatures.newSecret(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        return CreatedWebhook.of(webhooks.insert(webhook));
    }

    List<WebhookView> list(String ownerId) {
        return webhooks.findOwned(ownerId).stream().map(WebhookView::of).toList();
    }

    void delete(String ownerId, String id) {
        if (!webhooks.removeOwned(ownerId, id)) {
            throw new WebhookNotFound(id);
        }
        deliveries.removeForWebhook(ownerId, id);
    }

    List<DeliveryView> deliveries(String ownerId, String webhookId) {
        webhooks.findOwned(ownerId, webhookId).orElseThrow(() -> new WebhookNotFound(webhookId));
        return deliveries.findForWebhook(ownerId, webhookId).stream()
                .map(DeliveryView::of)
                .toList();
    }

    void redeliver(String ownerId, String webhookId, String deliveryId) {
        webhooks.findOwned(ownerId, webhookId).orElseThrow(() -> new WebhookNotFound(webhookId));
        var now = Instant.now();
        if (!deliveries.redeliver(ownerId, webhookId, deliveryId, now, now.plus(properties.retryFor()))) {
            throw new DeliveryNotFound(deliveryId);
        }
        outbox.wake();
    }

    private static List<String> eventTypes(@Nullable List<String> requested) {
        if (requested == null) {
            return WebhookEvent.DEFAULTS.stream().map(WebhookEvent::type).toList();
        }
        if (requested.isEmpty()) {
            throw new WebhookRejected("events", "must name at least one event (or be left out for the defaults)");
        }
        var types = new LinkedHashSet<String>();
        for (var type : requested) {
            var event = WebhookEvent.ofType(type == null ? "" : type)
                    .orElseThrow(() -> new WebhookRejected("events", "unknown event " + type + "; known: " + known()));
            types.add(event.type());
        }
        return new ArrayList<>(types);
    }

    private static String known() {
        return String.join(
                ", ",
                Arrays.stream(WebhookEvent.values()).map(WebhookEvent::type).toList());
    }
}
