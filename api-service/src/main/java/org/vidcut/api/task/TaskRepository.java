package org.vidcut.api.task;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.MongoPersistentEntityIndexResolver;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Repository;

/**
 * Storage of tasks. Reads that serve users always include the owner; state changes are single findAndModify
 * compare-and-set calls guarded by id, attempt and the states the transition table allows.
 */
@Repository
class TaskRepository {

    private static final Logger log = LoggerFactory.getLogger(TaskRepository.class);
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private final MongoTemplate mongo;

    TaskRepository(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    // Index creation is not on the startup path: an unreachable database must not stop the api from starting.
    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        try {
            var resolver =
                    new MongoPersistentEntityIndexResolver(mongo.getConverter().getMappingContext());
            var indexOps = mongo.indexOps(TaskDocument.class);
            resolver.resolveIndexFor(TaskDocument.class).forEach(indexOps::createIndex);
        } catch (RuntimeException e) {
            log.warn("could not create the task indexes: {}", e.toString());
        }
    }

    TaskDocument insert(TaskDocument task) {
        return mongo.insert(task);
    }

    Optional<TaskDocument> findById(String id) {
        return Optional.ofNullable(mongo.findById(id, TaskDocument.class));
    }

    Optional<TaskDocument> findOwned(String ownerId, String id) {
        return Optional.ofNullable(mongo.findOne(owned(ownerId, id), TaskDocument.class));
    }

    Page<TaskDocument> findOwned(String ownerId, TaskState state, String videoId, Pageable pageable) {
        var criteria = where("ownerId").is(ownerId);
        if (state != null) {
            criteria = criteria.and("state").is(state);
        }
        if (videoId != null) {
            criteria = criteria.and("videoId").is(videoId);
        }
        var query = new Query(criteria).with(NEWEST_FIRST).with(pageable);
        var content = mongo.find(query, TaskDocument.class);
        var countQuery = new Query(criteria);
        return PageableExecutionUtils.getPage(content, pageable, () -> mongo.count(countQuery, TaskDocument.class));
    }

    List<TaskDocument> findOwnedByVideo(String ownerId, String videoId) {
        return mongo.find(new Query(where("ownerId").is(ownerId).and("videoId").is(videoId)), TaskDocument.class);
    }

    /** Removes the caller's task and returns it, in one round trip. */
    Optional<TaskDocument> removeOwned(String ownerId, String id) {
        return Optional.ofNullable(mongo.findAndRemove(owned(ownerId, id), TaskDocument.class));
    }

    long removeOwnedByVideo(String ownerId, String videoId) {
        return mongo.remove(
                        new Query(where("ownerId").is(ownerId).and("videoId").is(videoId)), TaskDocument.class)
                .getDeletedCount();
    }

    /**
     * Applies {@code update} only if the task is still at {@code attempt} and in one of {@code from}.
     *
     * @return the task after the update, or empty when the guard did not match (stale or disallowed)
     */
    Optional<TaskDocument> compareAndSet(
            String id, int attempt, Collection<TaskState> from, Update update, Instant now) {
        return compareAndSet(where("_id").is(id).and("attempt").is(attempt), from, update, now);
    }

    Optional<TaskDocument> compareAndSet(Criteria guard, Collection<TaskState> from, Update update, Instant now) {
        var query = new Query(guard.and("state").in(from));
        update.set("updatedAt", now).inc("version", 1);
        return Optional.ofNullable(mongo.findAndModify(
                query, update, FindAndModifyOptions.options().returnNew(true), TaskDocument.class));
    }

    /**
     * Claims one NEW task whose publication is due by pushing its next publication to {@code retryAt}, so that
     * another replica's sweeper does not pick it as well.
     */
    Optional<TaskDocument> claimDuePublication(Instant now, Instant retryAt) {
        var query = new Query(
                        where("state").is(TaskState.NEW).and("nextPublishAt").lte(now))
                .with(Sort.by("nextPublishAt"));
        var update = new Update().set("nextPublishAt", retryAt);
        return Optional.ofNullable(mongo.findAndModify(
                query, update, FindAndModifyOptions.options().returnNew(true), TaskDocument.class));
    }

    List<TaskDocument> findSilentSince(Instant cutoff, int limit) {
        var query = new Query(where("state")
                        .is(TaskState.PROCESSING)
                        .and("lastHeartbeatAt")
                        .lt(cutoff))
                .limit(limit);
        return mongo.find(query, TaskDocument.class);
    }

    /** Turns every SCHEDULED task back into a due NEW one (same attempt), for a broker that lost its messages. */
    long makeScheduledDue(Instant now) {
        // the attempt stays as it is, so the history entry cannot name it in one multi-document update
        var update = new Update()
                .set("state", TaskState.NEW)
                .set("nextPublishAt", now)
                .set("updatedAt", now)
                .inc("version", 1);
        return mongo.updateMulti(new Query(where("state").is(TaskState.SCHEDULED)), update, TaskDocument.class)
                .getModifiedCount();
    }

    private static Query owned(String ownerId, String id) {
        return new Query(where("_id").is(id).and("ownerId").is(ownerId));
    }
}
