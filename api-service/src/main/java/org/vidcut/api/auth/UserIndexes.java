package org.vidcut.api.auth;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Creates the unique indexes on usernames and emails. Done at startup, and again before a registration if the
 * database was unreachable then, so that a slow database does not stop the api from starting.
 */
@Component
class UserIndexes {

    private static final Logger log = LoggerFactory.getLogger(UserIndexes.class);

    private final MongoTemplate mongo;
    private final AtomicBoolean ensured = new AtomicBoolean();

    UserIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        try {
            ensure();
        } catch (RuntimeException e) {
            log.warn("could not create the user indexes yet, will retry on the next registration: {}", e.toString());
        }
    }

    void ensure() {
        if (ensured.get()) {
            return;
        }
        // Sparse: anonymous users have neither field and must not collide with each other.
        var indexes = mongo.indexOps(UserAccount.class);
        indexes.createIndex(new Index("usernameKey", Sort.Direction.ASC)
                .named(UserAccounts.USERNAME_INDEX)
                .unique()
                .sparse());
        indexes.createIndex(new Index("emailKey", Sort.Direction.ASC)
                .named(UserAccounts.EMAIL_INDEX)
                .unique()
                .sparse());
        ensured.set(true);
    }
}
