package org.vidcut.api.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * {@link KnownUsers} from MongoDB. Users that exist are remembered briefly, so an authenticated request does not
 * always cost a database round trip; a deleted user is refused at the latest after {@link #REMEMBERED}.
 */
@Component
class StoredUsers implements KnownUsers {

    static final Duration REMEMBERED = Duration.ofSeconds(30);

    private final UserAccounts accounts;
    private final Cache<String, Boolean> existing = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBERED)
            .maximumSize(100_000)
            .build();

    StoredUsers(UserAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public boolean exists(String userId) {
        if (existing.getIfPresent(userId) != null) {
            return true;
        }
        boolean found = accounts.existsById(userId);
        if (found) {
            existing.put(userId, Boolean.TRUE);
        }
        return found;
    }
}
