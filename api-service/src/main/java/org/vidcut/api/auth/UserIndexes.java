package org.vidcut.api.auth;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import org.vidcut.api.indexes.CollectionIndexes;

/**
 * The unique indexes on usernames and emails. Created at startup, and again before a registration if the
 * database was unreachable then, so that a slow database does not stop the api from starting.
 */
@Component
class UserIndexes {

    private final CollectionIndexes indexes;

    UserIndexes(MongoTemplate mongo) {
        // Sparse: anonymous users have neither field and must not collide with each other.
        this.indexes = CollectionIndexes.of(
                mongo,
                UserAccount.class,
                new Index("usernameKey", Sort.Direction.ASC)
                        .named(UserAccounts.USERNAME_INDEX)
                        .unique()
                        .sparse(),
                new Index("emailKey", Sort.Direction.ASC)
                        .named(UserAccounts.EMAIL_INDEX)
                        .unique()
                        .sparse());
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        indexes.createAtStartup();
    }

    void ensure() {
        indexes.ensure();
    }
}
