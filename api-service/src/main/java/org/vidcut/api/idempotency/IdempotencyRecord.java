package org.vidcut.api.idempotency;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A claimed key and, once the request succeeded, its answer. {@code status} is null while the first request runs.
 *
 * @param fingerprint SHA-256 of the request body, so a reused key with another body is recognised
 * @param expiresAt the TTL index removes it after this (MongoDB); queries ignore it after this too (stand-in)
 */
@Document("idempotency_keys")
record IdempotencyRecord(
        @Id String id,
        String userId,
        String key,
        String fingerprint,
        Instant createdAt,
        Instant expiresAt,
        @Nullable Integer status,
        @Nullable String body,
        @Nullable String location) {

    boolean answered() {
        return status != null;
    }
}
