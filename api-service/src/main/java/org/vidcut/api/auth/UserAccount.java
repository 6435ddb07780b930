package org.vidcut.api.auth;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A user as stored in MongoDB. Anonymous users have no username, email or password. The lower-cased keys carry
 * the unique indexes so that {@code Alice} and {@code alice} cannot both register.
 */
@Document("users")
record UserAccount(
        @Id @Nullable String id,
        @Nullable String username,
        @Nullable String usernameKey,
        @Nullable String email,
        @Nullable String emailKey,
        @Nullable String passwordHash,
        boolean anonymous,
        Instant createdAt) {

    static UserAccount anonymous(Instant now) {
        return new UserAccount(null, null, null, null, null, null, true, now);
    }

    static UserAccount named(String username, String email, String passwordHash, Instant now) {
        return new UserAccount(
                null, username, UserAccounts.key(username), email, UserAccounts.key(email), passwordHash, false, now);
    }
}
