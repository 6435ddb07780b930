package org.vidcut.api.task;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.aggregation.GroupOperation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The fair queue, read from MongoDB so that every api replica sees the same one. A user's load is its jobs in
 * flight: handed to the broker or processing. The next job goes to the waiting user with the least load, among
 * equals the one served longest ago, then the one whose oldest waiting task is oldest, and within one user to its
 * oldest waiting task.
 *
 * <p>That order is the merge of every user's waiting tasks by (load when its turn comes, time queued), which is
 * what {@link #position} counts from: the user's own earlier tasks, and each other user's tasks whose key is lower.
 */
@Component
class WaitingTasks {

    private static final Sort FIFO = Sort.by("queuedAt", "id");
    private static final Duration RECENTLY = Duration.ofMinutes(10);
    private static final Comparator<TaskDocument> TURN = Comparator.comparing(
                    TaskDocument::queuedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(TaskDocument::id);

    private final MongoTemplate mongo;

    WaitingTasks(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Jobs handed to the broker that no worker has started yet. */
    long handedOut() {
        return mongo.count(new Query(handedOutCriteria()), TaskDocument.class);
    }

    /** The waiting task whose turn it is, if any. */
    Optional<TaskDocument> next() {
        var oldest = perOwner(
                waitingCriteria(),
                Aggregation.group("ownerId").min("queuedAt").as("value"),
                value -> value instanceof Date date ? date.toInstant() : Instant.EPOCH);
        if (oldest.isEmpty()) {
            // the dispatcher sweeps every second: an idle queue costs one query, not three
            return Optional.empty();
        }
        var load = load();
        var served = lastServed();
        return oldest.entrySet().stream()
                .min(Comparator.<Map.Entry<String, Instant>>comparingLong(e -> load.getOrDefault(e.getKey(), 0L))
                        .thenComparing(e -> served.getOrDefault(e.getKey(), Instant.EPOCH))
                        .thenComparing(Map.Entry::getValue))
                .flatMap(owner -> nthWaiting(owner.getKey(), 0));
    }

    /**
     * When each user last had a job handed out, over the recent past. At equal load the user served longest ago
     * goes first: jobs that end as fast as they are handed out leave every user at load 0, and the oldest task
     * alone would then serve one user's whole backlog before a newcomer.
     */
    private Map<String, Instant> lastServed() {
        var recent = where("handedOutAt").gte(Instant.now().minus(RECENTLY));
        return perOwner(
                recent,
                Aggregation.group("ownerId").max("handedOutAt").as("value"),
                value -> value instanceof Date date ? date.toInstant() : Instant.EPOCH);
    }

    /**
     * How many tasks will be handed out before this one if nothing else changes: null unless it is scheduled, 0
     * once handed to the broker. An estimate: jobs that end and other users' new tasks change the order.
     */
    @Nullable
    Long position(TaskDocument task) {
        if (task.state() != TaskState.SCHEDULED) {
            return null;
        }
        if (!task.waiting()) {
            return 0L;
        }
        var load = load();
        long ownLoad = load.getOrDefault(task.ownerId(), 0L);
        long ahead = mongo.count(
                new Query(new Criteria()
                        .andOperator(waitingCriteria().and("ownerId").is(task.ownerId()), before(task))),
                TaskDocument.class);
        long position = ahead;
        var waiting =
                perOwner(waitingCriteria(), Aggregation.group("ownerId").count().as("value"), WaitingTasks::number);
        for (var other : waiting.entrySet()) {
            if (other.getKey().equals(task.ownerId())) {
                continue;
            }
            long count = other.getValue();
            // the other user's tasks whose turn comes while its load is still below this task's load at its turn
            long lower = ownLoad + ahead - load.getOrDefault(other.getKey(), 0L);
            position += Math.min(count, Math.max(0, lower));
            if (lower >= 0 && lower < count) {
                // at equal load the older task goes first
                var tied = nthWaiting(other.getKey(), lower);
                position += tied.filter(t -> TURN.compare(t, task) < 0).isPresent() ? 1 : 0;
            }
        }
        return position;
    }

    private Optional<TaskDocument> nthWaiting(String ownerId, long n) {
        var query = new Query(waitingCriteria().and("ownerId").is(ownerId))
                .with(FIFO)
                .skip(n)
                .limit(1);
        return Optional.ofNullable(mongo.findOne(query, TaskDocument.class));
    }

    /** Jobs in flight per user: handed to the broker or processing. */
    private Map<String, Long> load() {
        var inFlight = new Criteria().orOperator(where("state").is(TaskState.PROCESSING), handedOutCriteria());
        return perOwner(inFlight, Aggregation.group("ownerId").count().as("value"), WaitingTasks::number);
    }

    private <T> Map<String, T> perOwner(Criteria match, GroupOperation group, Function<Object, T> value) {
        var values = new HashMap<String, T>();
        var aggregation = Aggregation.newAggregation(Aggregation.match(match), group);
        mongo.aggregate(aggregation, TaskDocument.class, Document.class)
                .forEach(d -> values.put(d.getString("_id"), value.apply(d.get("value"))));
        return values;
    }

    private static long number(Object value) {
        return value instanceof Number number ? number.longValue() : 0L;
    }

    private static Criteria waitingCriteria() {
        return where("state").is(TaskState.SCHEDULED).and("handedOutAt").is(null);
    }

    private static Criteria handedOutCriteria() {
        return where("state").is(TaskState.SCHEDULED).and("handedOutAt").ne(null);
    }

    private static Criteria before(TaskDocument task) {
        if (task.queuedAt() == null) {
            return where("queuedAt").is(null).and("id").lt(task.id());
        }
        return new Criteria()
                .orOperator(
                        where("queuedAt").is(null),
                        where("queuedAt").lt(task.queuedAt()),
                        where("queuedAt").is(task.queuedAt()).and("id").lt(task.id()));
    }
}
