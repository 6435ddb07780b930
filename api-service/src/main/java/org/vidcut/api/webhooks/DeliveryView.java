package org.vidcut.api.webhooks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One delivery in a webhook's log.
 *
 * @param id the delivery's id, for redelivery (the {@code webhook-id} header is per event, not this)
 * @param statusCode the receiver's answer to the latest attempt; null before one or when none came
 * @param nextAttemptAt when a pending delivery is tried next
 * @param lastError why the latest attempt failed
 */
record DeliveryView(
        String id,
        @JsonProperty("event_type") String eventType,
        @JsonProperty("task_id") String taskId,
        @JsonProperty("status_code") @Nullable Integer statusCode,
        int attempts,
        DeliveryState state,
        @JsonProperty("next_attempt_at") @Nullable Instant nextAttemptAt,
        @JsonProperty("last_error") @Nullable String lastError) {

    static DeliveryView of(DeliveryDocument delivery) {
        return new DeliveryView(
                delivery.id(),
                delivery.eventType(),
                delivery.taskId(),
                delivery.statusCode(),
                delivery.attempts(),
                delivery.state(),
                delivery.state() == DeliveryState.PENDING ? delivery.nextAttemptAt() : null,
                delivery.lastError());
    }
}
