package org.vidcut.api.webhooks;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;
import org.vidcut.api.indexes.CollectionIndexes;

/** The delivery outbox and log. Claims are findAndModify updates, so that replicas never send one attempt twice. */
@Repository
class DeliveryRepository {

    private static final int LOG_LENGTH = 100;
    private static final Sort.Direction ASC = Sort.Direction.ASC;

    private final MongoTemplate mongo;
    private final List<CollectionIndexes> indexes;

    DeliveryRepository(MongoTemplate mongo) {
        this.mongo = mongo;
        this.indexes = List.of(
                CollectionIndexes.of(
                        mongo,
                        DeliveryDocument.class,
                        new Index().on("state", ASC).on("next_attempt_at", ASC).named("due"),
                        new Index()
                                .on("owner_id", ASC)
                                .on("webhook_id", ASC)
                                .on("created_at", Sort.Direction.DESC)
                                .named("owner_webhook")),
                CollectionIndexes.of(
                        mongo,
                        WebhookDocument.class,
                        new Index().on("owner_id", ASC).on("events", ASC).named("owner_events")));
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        indexes.forEach(CollectionIndexes::createAtStartup);
    }

    /** Stores the delivery unless one with its id exists: creating the same delivery again is a no-op. */
    boolean insertIfAbsent(DeliveryDocument delivery) {
        try {
            mongo.insert(delivery);
            return true;
        } catch (DuplicateKeyException e) {
            return false;
        }
    }

    /** Claims the pending delivery due longest, by pushing its next attempt to {@code leaseUntil}. */
    Optional<DeliveryDocument> claimDue(Instant now, Instant leaseUntil) {
        var query = new Query(where("state")
                        .is(DeliveryState.PENDING)
                        .and("nextAttemptAt")
                        .lte(now))
                .with(Sort.by("nextAttemptAt"));
        var update = new Update().set("nextAttemptAt", leaseUntil.truncatedTo(ChronoUnit.MILLIS));
        return Optional.ofNullable(mongo.findAndModify(
                query, update, FindAndModifyOptions.options().returnNew(true), DeliveryDocument.class));
    }

    void recordSuccess(String id, int statusCode) {
        mongo.updateFirst(
                byId(id),
                new Update()
                        .set("state", DeliveryState.SUCCEEDED)
                        .set("statusCode", statusCode)
                        .inc("attempts", 1)
                        .unset("lastError")
                        .unset("nextAttemptAt"),
                DeliveryDocument.class);
    }

    /** Records a failed attempt: the next one at {@code nextAttemptAt}, or none ({@code failed}) when null. */
    void recordFailure(String id, @Nullable Integer statusCode, String error, @Nullable Instant nextAttemptAt) {
        var update = new Update().inc("attempts", 1).set("lastError", error);
        if (statusCode == null) {
            update.unset("statusCode");
        } else {
            update.set("statusCode", statusCode);
        }
        if (nextAttemptAt == null) {
            update.set("state", DeliveryState.FAILED).unset("nextAttemptAt");
        } else {
            update.set("nextAttemptAt", nextAttemptAt);
        }
        mongo.updateFirst(byId(id), update, DeliveryDocument.class);
    }

    /** The webhook's latest deliveries, newest first. */
    List<DeliveryDocument> findForWebhook(String ownerId, String webhookId) {
        var query = new Query(where("ownerId").is(ownerId).and("webhookId").is(webhookId))
                .with(Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id")))
                .limit(LOG_LENGTH);
        return mongo.find(query, DeliveryDocument.class);
    }

    /** Makes the delivery due now with a fresh retry period, whatever its state; false when it is not there. */
    boolean redeliver(String ownerId, String webhookId, String id, Instant now, Instant giveUpAt) {
        var query = new Query(
                where("_id").is(id).and("ownerId").is(ownerId).and("webhookId").is(webhookId));
        var update = new Update()
                .set("state", DeliveryState.PENDING)
                .set("nextAttemptAt", now)
                .set("giveUpAt", giveUpAt);
        return mongo.updateFirst(query, update, DeliveryDocument.class).getMatchedCount() > 0;
    }

    void removeForWebhook(String ownerId, String webhookId) {
        mongo.remove(new Query(where("ownerId").is(ownerId).and("webhookId").is(webhookId)), DeliveryDocument.class);
    }

    private static Query byId(String id) {
        return new Query(where("_id").is(id));
    }
}
