package org.vidcut.api.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.vidcut.api.testing.InMemoryMongo;

/** The counters live in MongoDB: every api replica (here: its own client and template) sees the same counts. */
class RateCountersTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:45Z");

    private static RateCounters replica(String database, Instant now) {
        var factory = new StaticListableBeanFactory();
        factory.addBean("clock", Clock.fixed(now, ZoneOffset.UTC));
        var template = new MongoTemplate(MongoClients.create(InMemoryMongo.uri(database)), database);
        return new RateCounters(template, factory.getBeanProvider(Clock.class));
    }

    @Test
    void countsOneLimitAcrossReplicas() {
        var first = replica("rates-replicas", NOW);
        var second = replica("rates-replicas", NOW);

        first.hit("signups", "203.0.113.1", 3, "signups");
        second.hit("signups", "203.0.113.1", 3, "signups");
        first.hit("signups", "203.0.113.1", 3, "signups");

        assertThatThrownBy(() -> second.hit("signups", "203.0.113.1", 3, "signups"))
                .isInstanceOf(RateLimited.class)
                .satisfies(e -> assertThat(((RateLimited) e).headers().getFirst("Retry-After"))
                        .isEqualTo("15"));
    }

    @Test
    void startsAfreshInTheNextMinute() {
        var now = replica("rates-windows", NOW);
        var nextMinute = replica("rates-windows", NOW.plusSeconds(15));
        for (int i = 0; i < 2; i++) {
            now.hit("tasks", "user-1", 2, "tasks");
        }

        assertThatThrownBy(() -> now.hit("tasks", "user-1", 2, "tasks")).isInstanceOf(RateLimited.class);
        nextMinute.hit("tasks", "user-1", 2, "tasks");
    }

    @Test
    void countsEveryHitOnceUnderConcurrency() throws Exception {
        var counters = replica("rates-concurrent", NOW);
        var admitted = new AtomicInteger();
        var pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 200; i++) {
            pool.submit(() -> {
                try {
                    counters.hit("tasks", "user-1", 120, "tasks");
                    admitted.incrementAndGet();
                } catch (RateLimited refused) {
                    // expected for every hit after the 120th
                }
            });
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        assertThat(admitted).hasValue(120);
    }

    @Test
    void requireBelowCountsNothingItself() {
        var counters = replica("rates-require", NOW);
        counters.record("failed-logins", "alice");

        counters.requireBelow("failed-logins", "alice", 2, "failed logins");
        counters.requireBelow("failed-logins", "alice", 2, "failed logins");
        counters.record("failed-logins", "alice");

        assertThatThrownBy(() -> counters.requireBelow("failed-logins", "alice", 2, "failed logins"))
                .isInstanceOf(RateLimited.class);
    }
}
