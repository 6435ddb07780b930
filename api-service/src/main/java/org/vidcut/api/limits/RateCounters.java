package org.vidcut.api.limits;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.bson.Document;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import org.vidcut.api.indexes.CollectionIndexes;

/**
 * Fixed one-minute windows counted in MongoDB with an atomic upsert-and-increment, so every api replica sees the
 * same counts. A window's document carries an {@code expiresAt} that a TTL index removes on a real MongoDB.
 */
@Component
class RateCounters {

    static final String COLLECTION = "rate_limits";
    static final Duration WINDOW = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final CollectionIndexes indexes;

    RateCounters(MongoTemplate mongo, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.indexes = CollectionIndexes.of(
                mongo,
                COLLECTION,
                new Index("expiresAt", Sort.Direction.ASC)
                        .named("rate_limits_expiry")
                        .expire(Duration.ZERO));
    }

    // Counting works without the index; old windows then stay until it exists.
    @EventListener(ApplicationReadyEvent.class)
    void createExpiryIndex() {
        indexes.createAtStartup();
    }

    /**
     * Counts one event and refuses it when it is over {@code perMinute} in the current window.
     *
     * @param what what is counted, for the refusal: "at most {@code perMinute} {@code what}"
     */
    void hit(String limit, String key, int perMinute, String what) {
        var now = clock.instant();
        var window = windowStart(now);
        if (increment(limit, key, window) > perMinute) {
            throw refusal(perMinute, what, now, window);
        }
    }

    /** Refuses when {@code perMinute} events were already counted in the current window; counts nothing. */
    void requireBelow(String limit, String key, int perMinute, String what) {
        var now = clock.instant();
        var window = windowStart(now);
        var counted = mongo.findById(id(limit, key, window), Document.class, COLLECTION);
        if (counted != null && counted.get("count", Number.class).longValue() >= perMinute) {
            throw refusal(perMinute, what, now, window);
        }
    }

    private static RateLimited refusal(int perMinute, String what, Instant now, Instant window) {
        return new RateLimited("at most " + perMinute + " " + what, Duration.between(now, window.plus(WINDOW)));
    }

    /** Counts one event without judging it (e.g. a failed login, judged on the next attempt). */
    void record(String limit, String key) {
        increment(limit, key, windowStart(clock.instant()));
    }

    private long increment(String limit, String key, Instant window) {
        var query = Query.query(Criteria.where("_id").is(id(limit, key, window)));
        var update = new Update().inc("count", 1).setOnInsert("expiresAt", window.plus(WINDOW.multipliedBy(2)));
        var options = FindAndModifyOptions.options().upsert(true).returnNew(true);
        Document counted;
        try {
            counted = mongo.findAndModify(query, update, options, Document.class, COLLECTION);
        } catch (DuplicateKeyException concurrentInsert) {
            // two replicas inserted the window's document at once: the other one won, increment that
            counted = mongo.findAndModify(query, update, options, Document.class, COLLECTION);
        }
        return counted == null ? 1 : counted.get("count", Number.class).longValue();
    }

    private static Instant windowStart(Instant now) {
        long seconds = WINDOW.toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), seconds) * seconds);
    }

    // Keys come from clients (usernames of any length): hashed, so a document id stays small and holds no name.
    private static String id(String limit, String key, Instant window) {
        return limit + ":" + sha256(key) + ":" + window.getEpochSecond();
    }

    private static String sha256(String value) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
