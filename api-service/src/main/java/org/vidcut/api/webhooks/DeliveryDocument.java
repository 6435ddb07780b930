package org.vidcut.api.webhooks;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * One event to deliver to one webhook: the outbox entry and its log at once. Its id is derived from the webhook
 * and the event, so that turning the same notification into deliveries twice stores one.
 *
 * @param eventId the {@code webhook-id} header: one per event, the same on every attempt
 * @param body the exact JSON sent on every attempt
 * @param nextAttemptAt when a pending delivery is due; while an attempt runs, the end of its claim
 * @param giveUpAt a pending delivery still failing after this is {@code failed}
 */
@Document("webhook_deliveries")
record DeliveryDocument(
        @Id String id,
        @Field("webhook_id") String webhookId,
        @Field("owner_id") String ownerId,
        @Field("event_id") String eventId,
        @Field("event_type") String eventType,
        @Field("task_id") String taskId,
        String body,
        DeliveryState state,
        int attempts,
        @Field("status_code") @Nullable Integer statusCode,
        @Field("next_attempt_at") @Nullable Instant nextAttemptAt,
        @Field("last_error") @Nullable String lastError,
        @Field("created_at") Instant createdAt,
        @Field("give_up_at") Instant giveUpAt) {}
