package org.vidcut.api.idempotency;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.vidcut.api.indexes.CollectionIndexes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a creating request at most once per {@code Idempotency-Key} and user within {@link #RETENTION}: a retry
 * with the same key and body gets the first answer (status, body, {@code Location}) again, a retry with another
 * body a 422. The key is claimed in MongoDB under a unique index before the work starts, so concurrent
 * duplicates, on one replica or several, cannot both run. A failed request releases its key: retrying it is
 * what the client should do.
 */
@Component
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    static final Duration RETENTION = Duration.ofHours(24);
    static final int MAX_KEY_LENGTH = 255;

    /** A claim older than this without an answer belongs to a replica that died mid-request. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    private static final String UNIQUE_INDEX = "idempotency_user_key";

    private final MongoTemplate mongo;
    private final JsonMapper json;
    private final Clock clock;
    private final CollectionIndexes indexes;

    IdempotentRequests(MongoTemplate mongo, JsonMapper json, ObjectProvider<Clock> clock) {
        this.mongo = mongo;
        this.json = json;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.indexes = CollectionIndexes.of(
                mongo,
                IdempotencyRecord.class,
                new Index()
                        .on("userId", Sort.Direction.ASC)
                        .on("key", Sort.Direction.ASC)
                        .unique()
                        .named(UNIQUE_INDEX),
                new Index().on("expiresAt", Sort.Direction.ASC).expire(Duration.ZERO));
    }

    @EventListener(ApplicationReadyEvent.class)
    void createIndexes() {
        indexes.createAtStartup();
    }

    /**
     * @param key the request's {@code Idempotency-Key} header; without one the action simply runs
     * @param request the parsed request body, compared by its JSON form
     * @param type the body type of the answer, to replay a stored answer as the same type
     */
    public <T> ResponseEntity<T> once(
            String userId, @Nullable String key, Object request, Class<T> type, Supplier<ResponseEntity<T>> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
            throw new InvalidIdempotencyKey();
        }
        var fingerprint = fingerprint(request);
        var claimed = claim(userId, key, fingerprint);
        if (claimed.replay() != null) {
            return replay(claimed.replay(), fingerprint, type);
        }
        ResponseEntity<T> response;
        try {
            response = action.get();
        } catch (RuntimeException e) {
            mongo.remove(Query.query(where("_id").is(claimed.id())), IdempotencyRecord.class);
            throw e;
        }
        var location = response.getHeaders().getLocation();
        mongo.updateFirst(
                Query.query(where("_id").is(claimed.id())),
                new Update()
                        .set("status", response.getStatusCode().value())
                        .set("body", json.writeValueAsString(response.getBody()))
                        .set("location", location == null ? null : location.toString()),
                IdempotencyRecord.class);
        return response;
    }

    private record Claim(@Nullable String id, @Nullable IdempotencyRecord replay) {}

    private Claim claim(String userId, String key, String fingerprint) {
        // again before every claim in case startup could not: without the unique index concurrent duplicates
        // could both run
        indexes.ensure();
        for (int attempt = 0; ; attempt++) {
            var now = clock.instant();
            var record = new IdempotencyRecord(
                    new ObjectId().toHexString(), userId, key, fingerprint, now, now.plus(RETENTION), null, null, null);
            try {
                mongo.insert(record);
                return new Claim(record.id(), null);
            } catch (DuplicateKeyException taken) {
                var existing = mongo.findOne(
                        Query.query(where("userId").is(userId).and("key").is(key)), IdempotencyRecord.class);
                if (existing != null && !outlived(existing, now)) {
                    return new Claim(null, existing);
                }
                if (attempt >= 2) {
                    throw new IdempotentRequestInProgress();
                }
                if (existing != null) {
                    // expired (the stand-in runs no TTL) or abandoned: the conditional remove lets one claimant win
                    mongo.remove(
                            Query.query(where("_id")
                                    .is(existing.id())
                                    .and("createdAt")
                                    .is(existing.createdAt())),
                            IdempotencyRecord.class);
                }
            }
        }
    }

    private static boolean outlived(IdempotencyRecord record, Instant now) {
        return !record.expiresAt().isAfter(now)
                || (!record.answered()
                        && record.createdAt().plus(ABANDONED_AFTER).isBefore(now));
    }

    private <T> ResponseEntity<T> replay(IdempotencyRecord record, String fingerprint, Class<T> type) {
        if (!record.fingerprint().equals(fingerprint)) {
            throw new IdempotencyKeyReused();
        }
        if (!record.answered()) {
            throw new IdempotentRequestInProgress();
        }
        var headers = new HttpHeaders();
        if (record.location() != null) {
            headers.set(HttpHeaders.LOCATION, record.location());
        }
        headers.set("Idempotent-Replayed", "true");
        var body = record.body() == null ? null : json.readValue(record.body(), type);
        return ResponseEntity.status(record.status()).headers(headers).body(body);
    }

    private String fingerprint(Object request) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(request.getClass().getName().getBytes(StandardCharsets.UTF_8));
            digest.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
