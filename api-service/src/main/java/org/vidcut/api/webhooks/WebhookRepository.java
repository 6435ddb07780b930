package org.vidcut.api.webhooks;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/** Storage of webhooks; every read that serves a user includes the owner. */
@Repository
class WebhookRepository {

    private final MongoTemplate mongo;

    WebhookRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    WebhookDocument insert(WebhookDocument webhook) {
        return mongo.insert(webhook);
    }

    List<WebhookDocument> findOwned(String ownerId) {
        return mongo.find(
                new Query(where("ownerId").is(ownerId)).with(Sort.by("createdAt", "id")), WebhookDocument.class);
    }

    Optional<WebhookDocument> findOwned(String ownerId, String id) {
        return Optional.ofNullable(mongo.findOne(owned(ownerId, id), WebhookDocument.class));
    }

    Optional<WebhookDocument> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, WebhookDocument.class));
    }

    /** The owner's webhooks that subscribed to {@code eventType}. */
    List<WebhookDocument> findSubscribed(String ownerId, String eventType) {
        return mongo.find(new Query(where("ownerId").is(ownerId).and("events").is(eventType)), WebhookDocument.class);
    }

    boolean removeOwned(String ownerId, String id) {
        return mongo.remove(owned(ownerId, id), WebhookDocument.class).getDeletedCount() > 0;
    }

    private static Query owned(String ownerId, String id) {
        return new Query(where("_id").is(id).and("ownerId").is(ownerId));
    }
}
