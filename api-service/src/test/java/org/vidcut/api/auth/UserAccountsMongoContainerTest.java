package org.vidcut.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/** The unique and sparse user indexes on a real MongoDB; skipped where Docker is not available. */
@DataMongoTest
@Import(UserIndexes.class)
@Testcontainers(disabledWithoutDocker = true)
class UserAccountsMongoContainerTest {

    @Container
    static final MongoDBContainer MONGO = new MongoDBContainer("mongo:7.0");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> MONGO.getReplicaSetUrl("vidcut"));
    }

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    UserAccounts accounts;

    @Autowired
    UserIndexes indexes;

    @Test
    void enforcesUniqueUsernamesAndEmailsButAllowsManyAnonymousUsers() {
        indexes.ensure();
        accounts.save(UserAccount.anonymous(NOW));
        accounts.save(UserAccount.anonymous(NOW));
        accounts.save(UserAccount.named("alice", "alice@example.com", "hash", NOW));

        assertThatThrownBy(() -> accounts.save(UserAccount.named("ALICE", "x@example.com", "hash", NOW)))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining(UserAccounts.USERNAME_INDEX);
        assertThatThrownBy(() -> accounts.save(UserAccount.named("bob", "Alice@Example.com", "hash", NOW)))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining(UserAccounts.EMAIL_INDEX);
        assertThat(accounts.findByUsernameKey("alice")).isPresent();
    }
}
