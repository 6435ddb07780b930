package org.vidcut.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.vidcut.api.testing.WithInMemoryMongo;

@WithInMemoryMongo
@DataMongoTest
@Import(UserIndexes.class)
class UserAccountsTest {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    UserAccounts accounts;

    @Autowired
    UserIndexes indexes;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void emptyWithIndexes() {
        mongo.remove(new Query(), UserAccount.class);
        indexes.ensure();
    }

    @Test
    void findsUserByCaseInsensitiveUsernameKey() {
        var saved = accounts.save(UserAccount.named("Alice", "alice@example.com", "hash", NOW));

        assertThat(accounts.findByUsernameKey(UserAccounts.key("ALICE")))
                .map(UserAccount::id)
                .contains(saved.id());
        assertThat(accounts.existsByEmailKey("alice@example.com")).isTrue();
    }

    @Test
    void uniqueIndexRefusesSecondUsernameDifferingOnlyInCase() {
        accounts.save(UserAccount.named("alice", "a1@example.com", "hash", NOW));

        assertThatThrownBy(() -> accounts.save(UserAccount.named("ALICE", "a2@example.com", "hash", NOW)))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining(UserAccounts.USERNAME_INDEX);
    }

    @Test
    void uniqueIndexRefusesSecondEmail() {
        accounts.save(UserAccount.named("alice", "same@example.com", "hash", NOW));

        assertThatThrownBy(() -> accounts.save(UserAccount.named("bob", "Same@Example.com", "hash", NOW)))
                .isInstanceOf(DuplicateKeyException.class)
                .hasMessageContaining(UserAccounts.EMAIL_INDEX);
    }

    @Test
    void sparseIndexesAllowManyAnonymousUsers() {
        accounts.save(UserAccount.anonymous(NOW));
        accounts.save(UserAccount.anonymous(NOW));

        assertThat(mongo.count(new Query(), UserAccount.class)).isEqualTo(2);
    }

    @Test
    void registrationLosingARaceOnTheIndexIsAConflict() {
        // Both pre-checks pass (as for two simultaneous registrations), then the index refuses the insert.
        accounts.save(UserAccount.named("alice", "alice@example.com", "hash", NOW));
        var racing = new UserAccounts() {
            @Override
            public UserAccount save(UserAccount account) {
                return accounts.save(account);
            }

            @Override
            public Optional<UserAccount> findByUsernameKey(String usernameKey) {
                return Optional.empty();
            }

            @Override
            public boolean existsByUsernameKey(String usernameKey) {
                return false;
            }

            @Override
            public Optional<UserAccount> findById(String id) {
                return Optional.empty();
            }

            @Override
            public boolean existsById(String id) {
                return false;
            }

            @Override
            public boolean existsByEmailKey(String emailKey) {
                return false;
            }
        };
        var properties = TestAuth.properties(TestAuth.SECRET, java.time.Duration.ofHours(1));
        var service = new AccountService(
                racing,
                indexes,
                new PasswordHasher(properties),
                new TokenService(properties, Clock.systemUTC()),
                org.mockito.Mockito.mock(org.vidcut.api.limits.UserLimits.class),
                new org.springframework.beans.factory.support.StaticListableBeanFactory().getBeanProvider(Clock.class));

        assertThatThrownBy(() -> service.register(
                        new AccountRequests.Registration("bob", "alice@example.com", "correct horse battery"),
                        "192.0.2.1"))
                .isInstanceOf(AccountAlreadyExists.class)
                .hasMessageContaining("email");
    }
}
