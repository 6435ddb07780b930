package org.vidcut.api.task;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.stereotype.Repository;
import org.vidcut.api.indexes.CollectionIndexes;

/**
 * Storage of tasks. Reads that serve users always include the owner; state changes go through
 * {@link #transition}, a findAndModify compare-and-set guarded by id, attempt and the state the table allows.
 * Every insert, transition and removal is announced as a {@link TaskChanged} event.
 */
@Repository
class TaskRepository {

    private static final Logger log = LoggerFactory.getLogger(TaskRepository.class);
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("createdAt"), Sort.Order.desc("id"));

    private static final int MAX_TRANSITION_TRIES = 5;

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;
    private final CollectionIndexes indexes;

    TaskRepository(MongoTemplate mongo, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.events = events;
        this.indexes = TaskIndexes.of(mongo);
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        indexes.createAtStartup();
    }

    TaskDocument insert(TaskDocument task) {
        var inserted = mongo.insert(task);
        events.publishEvent(TaskChanged.of(inserted));
        return inserted;
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

    /** The owner's tasks in these states, newest first, at most {@code limit}. */
    List<TaskDocument> findOwnedIn(String ownerId, Collection<TaskState> states, int limit) {
        var query = new Query(where("ownerId").is(ownerId).and("state").in(states))
                .with(NEWEST_FIRST)
                .limit(limit);
        return mongo.find(query, TaskDocument.class);
    }

    /** Removes the caller's task and returns it, in one round trip. */
    Optional<TaskDocument> removeOwned(String ownerId, String id) {
        var removed = Optional.ofNullable(mongo.findAndRemove(owned(ownerId, id), TaskDocument.class));
        removed.ifPresent(task -> events.publishEvent(TaskChanged.removal(task)));
        return removed;
    }

    /** Removes the tasks of one of the owner's videos and returns them. */
    List<TaskDocument> removeOwnedByVideo(String ownerId, String videoId) {
        var removed = mongo.findAllAndRemove(
                new Query(where("ownerId").is(ownerId).and("videoId").is(videoId)), TaskDocument.class);
        removed.forEach(task -> events.publishEvent(TaskChanged.removal(task)));
        return removed;
    }

    /**
     * Moves the task by {@code trigger} if it is still at {@code attempt} and the transition table has a row for
     * its current state: one compare-and-set on (id, attempt, that state), read again and retried when another
     * change came first.
     *
     * @param changes the fields this change sets besides state, attempt and history, given the task as it is
     * @param stillTrue a further condition for the change (the reaper's "still silent"), or null
     * @return the task after the change, or empty when it is gone, at another attempt, or the table refuses
     */
    Optional<TaskDocument> transition(
            String id,
            int attempt,
            TaskTransitions.Trigger trigger,
            Function<TaskDocument, Update> changes,
            @Nullable Criteria stillTrue) {
        for (int tries = 0; tries < MAX_TRANSITION_TRIES; tries++) {
            var current = findById(id).filter(t -> t.attempt() == attempt);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            var row = TaskTransitions.find(current.get().state(), trigger);
            if (row.isEmpty()) {
                return Optional.empty();
            }
            var changed = compareAndSet(id, attempt, row.get(), changes.apply(current.get()), stillTrue);
            if (changed.isPresent()) {
                events.publishEvent(TaskChanged.of(changed.get()));
                return changed;
            }
        }
        log.warn(
                "task {} attempt {}: gave up {} after {} concurrent changes",
                id,
                attempt,
                trigger,
                MAX_TRANSITION_TRIES);
        return Optional.empty();
    }

    Optional<TaskDocument> transition(
            String id, int attempt, TaskTransitions.Trigger trigger, Function<TaskDocument, Update> changes) {
        return transition(id, attempt, trigger, changes, null);
    }

    private Optional<TaskDocument> compareAndSet(
            String id, int attempt, TaskTransitions.Row row, Update update, @Nullable Criteria stillTrue) {
        var now = Instant.now();
        int attemptAfter = row.trigger().startsAttempt() ? attempt + 1 : attempt;
        update.set("state", row.to())
                .set("attempt", attemptAfter)
                .set("updatedAt", now)
                .inc("version", 1);
        var entered = row.entered().stream()
                .map(state -> new StateChange(state, attemptAfter, now))
                .toArray();
        if (entered.length > 0) {
            update.push("history").each(entered);
        }
        var notices = TaskNotifications.notices(row.entered(), attemptAfter, now);
        if (!notices.isEmpty()) {
            // in the same atomic update as the state, so that no notification is lost if the api dies right after
            TaskNotifications.markPending(update, notices, now);
        }
        var guard = where("_id").is(id).and("attempt").is(attempt).and("state").is(row.from());
        var query = new Query(stillTrue == null ? guard : new Criteria().andOperator(guard, stillTrue));
        var changed = Optional.ofNullable(mongo.findAndModify(
                query, update, FindAndModifyOptions.options().returnNew(true), TaskDocument.class));
        if (changed.isPresent() && !notices.isEmpty()) {
            events.publishEvent(new TaskNotificationsPending(id));
        }
        return changed;
    }

    /**
     * Claims one handed-out SCHEDULED task whose job the broker has not confirmed in time, by pushing its next
     * publication to {@code retryAt}, so that another replica's sweeper does not pick it as well.
     */
    Optional<TaskDocument> claimDuePublication(Instant now, Instant retryAt) {
        var query = new Query(where("state")
                        .is(TaskState.SCHEDULED)
                        .and("handedOutAt")
                        .ne(null)
                        .and("nextPublishAt")
                        .lte(now))
                .with(Sort.by("nextPublishAt"));
        var update = new Update().set("nextPublishAt", retryAt);
        return Optional.ofNullable(mongo.findAndModify(
                query, update, FindAndModifyOptions.options().returnNew(true), TaskDocument.class));
    }

    /** NEW tasks due to join the fair queue: a retry whose backoff is over, or a create that did not get there. */
    List<TaskDocument> findDueToQueue(Instant now, int limit) {
        var query = new Query(
                        where("state").is(TaskState.NEW).and("nextPublishAt").lte(now))
                .with(Sort.by("nextPublishAt"))
                .limit(limit);
        return mongo.find(query, TaskDocument.class);
    }

    List<TaskDocument> findSilentSince(Instant cutoff, int limit) {
        var query = new Query(where("state")
                        .is(TaskState.PROCESSING)
                        .and("lastHeartbeatAt")
                        .lt(cutoff))
                .limit(limit);
        return mongo.find(query, TaskDocument.class);
    }

    List<TaskDocument> findInState(TaskState state, int limit) {
        return mongo.find(new Query(where("state").is(state)).limit(limit), TaskDocument.class);
    }

    long countOwnedIn(String ownerId, Collection<TaskState> states) {
        return mongo.count(new Query(where("ownerId").is(ownerId).and("state").in(states)), TaskDocument.class);
    }

    private static Query owned(String ownerId, String id) {
        return new Query(where("_id").is(id).and("ownerId").is(ownerId));
    }
}
