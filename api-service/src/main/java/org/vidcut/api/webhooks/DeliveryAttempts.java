package org.vidcut.api.webhooks;

import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Makes one attempt of a claimed delivery and records its outcome: received, retried later, or given up. */
@Component
class DeliveryAttempts {

    private final WebhookRepository webhooks;
    private final DeliveryRepository deliveries;
    private final WebhookSender sender;
    private final WebhookProperties properties;

    DeliveryAttempts(
            WebhookRepository webhooks,
            DeliveryRepository deliveries,
            WebhookSender sender,
            WebhookProperties properties) {
        this.webhooks = webhooks;
        this.deliveries = deliveries;
        this.sender = sender;
        this.properties = properties;
    }

    /**
     * @return when the delivery is tried next, empty when it was received or given up
     */
    Optional<Instant> attempt(DeliveryDocument delivery) {
        var webhook = webhooks.findById(delivery.webhookId());
        if (webhook.isEmpty()) {
            deliveries.recordFailure(delivery.id(), null, "the webhook was deleted", null);
            return Optional.empty();
        }
        var outcome = sender.send(delivery, webhook.get());
        if (outcome.delivered() && outcome.statusCode() != null) {
            deliveries.recordSuccess(delivery.id(), outcome.statusCode());
            return Optional.empty();
        }
        var now = Instant.now();
        // retried until the period is over, so the last attempt comes after it: at least 24 h by default
        var next =
                now.isBefore(delivery.giveUpAt()) ? now.plus(properties.backoffAfter(delivery.attempts() + 1)) : null;
        var error = outcome.error() == null ? "failed" : outcome.error();
        deliveries.recordFailure(delivery.id(), outcome.statusCode(), error, next);
        return Optional.ofNullable(next);
    }
}
