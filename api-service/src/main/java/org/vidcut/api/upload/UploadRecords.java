package org.vidcut.api.upload;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.vidcut.api.indexes.CollectionIndexes;
import org.vidcut.api.limits.ReservedStorage;
import org.vidcut.api.limits.Sums;

/**
 * The upload documents. Every change of state is a compare-and-set ({@code findAndModify} on the expected state
 * and a free lease), so two requests, or two replicas' clean-up jobs, never act on one upload at once.
 */
@Component
class UploadRecords implements ReservedStorage {

    private final MongoTemplate mongo;
    private final CollectionIndexes indexes;

    UploadRecords(MongoTemplate mongo) {
        this.mongo = mongo;
        this.indexes = CollectionIndexes.of(
                mongo,
                UploadDocument.class,
                new Index().on("ownerId", Sort.Direction.ASC).on("state", Sort.Direction.ASC),
                new Index().on("state", Sort.Direction.ASC).on("expiresAt", Sort.Direction.ASC));
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        indexes.createAtStartup();
    }

    UploadDocument insert(UploadDocument upload) {
        return mongo.insert(upload);
    }

    Optional<UploadDocument> findOwned(String id, String ownerId) {
        return Optional.ofNullable(
                mongo.findOne(Query.query(where("_id").is(id).and("ownerId").is(ownerId)), UploadDocument.class));
    }

    /** Takes the lease of an open, unexpired upload for completing it. */
    Optional<UploadDocument> claimForCompletion(String id, String ownerId, Instant now, Instant leaseUntil) {
        var query = Query.query(openAndFree(id, ownerId, now).and("expiresAt").gt(now));
        return claim(query, new Update().set("leaseUntil", leaseUntil));
    }

    /** Marks an open upload that nobody holds as aborted and takes its lease, for removing its parts. */
    Optional<UploadDocument> claimForAbort(String id, String ownerId, Instant now, Instant leaseUntil) {
        return claim(Query.query(openAndFree(id, ownerId, now)), abortedWithLease(leaseUntil));
    }

    /** The owner's upload while it is open and nobody holds its lease. */
    private static Criteria openAndFree(String id, String ownerId, Instant now) {
        return where("_id")
                .is(id)
                .and("ownerId")
                .is(ownerId)
                .and("state")
                .is(UploadState.OPEN)
                .and("leaseUntil")
                .lte(now);
    }

    /**
     * The next upload the clean-up job should remove: open past its expiry, or aborted with parts still stored
     * (an abort interrupted by a failure or a crash).
     */
    Optional<UploadDocument> claimForCleanup(Instant now, Instant leaseUntil) {
        var expired = where("state").is(UploadState.OPEN).and("expiresAt").lte(now);
        var unfinished =
                where("state").is(UploadState.ABORTED).and("partsRemoved").is(false);
        var query = Query.query(new Criteria()
                .andOperator(
                        new Criteria().orOperator(expired, unfinished),
                        where("leaseUntil").lte(now)));
        return claim(query, abortedWithLease(leaseUntil));
    }

    void release(String id) {
        update(id, new Update().set("leaseUntil", Instant.EPOCH));
    }

    void markCompleted(String id) {
        update(
                id,
                new Update()
                        .set("state", UploadState.COMPLETED)
                        .set("partsRemoved", true)
                        .set("leaseUntil", Instant.EPOCH));
    }

    void markRemoved(String id) {
        update(
                id,
                new Update()
                        .set("state", UploadState.ABORTED)
                        .set("partsRemoved", true)
                        .set("leaseUntil", Instant.EPOCH));
    }

    @Override
    public long reservedBytes(String ownerId) {
        return Sums.of(
                mongo,
                UploadDocument.class,
                where("ownerId").is(ownerId).and("state").is(UploadState.OPEN),
                "size");
    }

    private static Update abortedWithLease(Instant leaseUntil) {
        return new Update().set("state", UploadState.ABORTED).set("leaseUntil", leaseUntil);
    }

    private Optional<UploadDocument> claim(Query query, Update update) {
        return Optional.ofNullable(mongo.findAndModify(
                query, update, FindAndModifyOptions.options().returnNew(true), UploadDocument.class));
    }

    private void update(String id, Update update) {
        mongo.updateFirst(Query.query(where("_id").is(id)), update, UploadDocument.class);
    }
}
