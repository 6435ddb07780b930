package org.vidcut.api.webhooks;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;

/**
 * One webhook as stored.
 *
 * @param events the subscribed event types ({@code task.done}); deliveries are found by owner and type
 * @param secret the signing secret ({@code whsec_…}); kept because every delivery is signed with it, never shown
 *     again after creation
 */
@Document("webhooks")
record WebhookDocument(
        @Id String id,
        @Field("owner_id") String ownerId,
        String url,
        List<String> events,
        String secret,
        @Field("created_at") Instant createdAt) {

    @Override
    public String toString() {
        return "WebhookDocument[id=" + id + ", ownerId=" + ownerId + ", events=" + events + "]";
    }
}
