package org.vidcut.api.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.data.mongodb.test.autoconfigure.DataMongoTest;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.ResponseEntity;
import org.vidcut.api.testing.WithInMemoryMongo;

@WithInMemoryMongo
@DataMongoTest
@ImportAutoConfiguration(JacksonAutoConfiguration.class)
@Import({IdempotentRequests.class, IdempotentRequestsTest.Clocks.class})
class IdempotentRequestsTest {

    record Order(String item, int count) {}

    record Created(String id, String item) {}

    @TestConfiguration(proxyBeanMethods = false)
    static class Clocks {
        @Bean
        TestClock clock() {
            return new TestClock();
        }
    }

    /** A clock the test moves forward: the stand-in runs no TTL index, so expiry must hold on the query side. */
    static class TestClock extends Clock {
        static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Autowired
    IdempotentRequests requests;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TestClock clock;

    private final AtomicInteger runs = new AtomicInteger();

    @BeforeEach
    void reset() {
        mongo.remove(new Query(), IdempotencyRecord.class);
        clock.now = TestClock.T0;
    }

    private ResponseEntity<Created> create(String user, String key, Order order) {
        return requests.once(user, key, order, Created.class, () -> {
            int run = runs.incrementAndGet();
            return ResponseEntity.created(URI.create("http://localhost/orders/o" + run))
                    .body(new Created("o" + run, order.item()));
        });
    }

    @Test
    void theSameKeyAndBodyRunOnceAndReplayTheAnswer() {
        var first = create("alice", "k1", new Order("pen", 2));
        var second = create("alice", "k1", new Order("pen", 2));

        assertThat(runs).hasValue(1);
        assertThat(second.getStatusCode().value()).isEqualTo(201);
        assertThat(second.getBody()).isEqualTo(first.getBody());
        assertThat(second.getHeaders().getLocation())
                .isEqualTo(first.getHeaders().getLocation());
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        create("alice", "k1", new Order("pen", 2));

        assertThatThrownBy(() -> create("alice", "k1", new Order("pen", 3)))
                .isInstanceOf(IdempotencyKeyReused.class)
                .satisfies(e ->
                        assertThat(((IdempotencyKeyReused) e).status().value()).isEqualTo(422));
        assertThat(runs).hasValue(1);
    }

    @Test
    void keysBelongToTheirUser() {
        create("alice", "k1", new Order("pen", 2));
        create("bob", "k1", new Order("pen", 2));

        assertThat(runs).hasValue(2);
    }

    @Test
    void withoutAKeyEveryRequestRuns() {
        create("alice", null, new Order("pen", 2));
        create("alice", null, new Order("pen", 2));

        assertThat(runs).hasValue(2);
    }

    @Test
    void aKeyOlderThanADayIsForgottenEvenWithoutTtl() {
        create("alice", "k1", new Order("pen", 2));
        clock.now = TestClock.T0.plus(Duration.ofHours(24)).plusSeconds(1);

        var again = create("alice", "k1", new Order("ink", 1));

        assertThat(runs).hasValue(2);
        assertThat(again.getBody().item()).isEqualTo("ink");
    }

    @Test
    void aFailedRequestReleasesItsKey() {
        assertThatThrownBy(() -> requests.once("alice", "k1", new Order("pen", 2), Created.class, () -> {
                    throw new IllegalStateException("store down");
                }))
                .isInstanceOf(IllegalStateException.class);

        create("alice", "k1", new Order("pen", 2));

        assertThat(runs).hasValue(1);
    }

    @Test
    void refusesAKeyThatIsTooLongOrNotPrintable() {
        assertThatThrownBy(() -> create("alice", "k".repeat(256), new Order("pen", 2)))
                .isInstanceOf(InvalidIdempotencyKey.class);
        assertThatThrownBy(() -> create("alice", "k\n1", new Order("pen", 2)))
                .isInstanceOf(InvalidIdempotencyKey.class);
        assertThatThrownBy(() -> create("alice", "", new Order("pen", 2))).isInstanceOf(InvalidIdempotencyKey.class);
    }

    @Test
    void concurrentDuplicatesRunTheActionOnce() throws Exception {
        var inside = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(6);
        try {
            var first = CompletableFuture.supplyAsync(
                    () -> requests.once("alice", "k1", new Order("pen", 2), Created.class, () -> {
                        runs.incrementAndGet();
                        inside.countDown();
                        await(release);
                        return ResponseEntity.status(201).body(new Created("o1", "pen"));
                    }),
                    pool);
            assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
            var duplicates = new ArrayList<CompletableFuture<Object>>();
            for (int i = 0; i < 5; i++) {
                duplicates.add(CompletableFuture.supplyAsync(
                        () -> {
                            try {
                                return create("alice", "k1", new Order("pen", 2));
                            } catch (IdempotentRequestInProgress busy) {
                                return busy;
                            }
                        },
                        pool));
            }
            for (var duplicate : duplicates) {
                assertThat(duplicate.get(10, TimeUnit.SECONDS)).isInstanceOf(IdempotentRequestInProgress.class);
            }
            release.countDown();
            first.get(10, TimeUnit.SECONDS);

            assertThat(runs).hasValue(1);
            assertThat(create("alice", "k1", new Order("pen", 2)).getBody()).isEqualTo(new Created("o1", "pen"));
            assertThat(runs).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void simultaneousDuplicatesRunTheActionOnce() throws Exception {
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(8);
        try {
            var answers = new ArrayList<CompletableFuture<Object>>();
            for (int i = 0; i < 8; i++) {
                answers.add(CompletableFuture.supplyAsync(
                        () -> {
                            await(start);
                            try {
                                return create("alice", "k1", new Order("pen", 2));
                            } catch (IdempotentRequestInProgress busy) {
                                return busy;
                            }
                        },
                        pool));
            }
            start.countDown();
            for (var answer : answers) {
                answer.get(20, TimeUnit.SECONDS);
            }

            assertThat(runs).hasValue(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
