package org.vidcut.api.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.vidcut.api.testing.InMemoryMongo;

class UnfinishedTaskMetricsTest {

    private static final Duration HEARTBEAT_TIMEOUT = Duration.ofMinutes(2);

    private static MongoTemplate mongo;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @BeforeAll
    static void database() {
        mongo = InMemoryMongo.template(UnfinishedTaskMetricsTest.class);
    }

    @BeforeEach
    void emptyCollection() {
        mongo.dropCollection(TaskDocument.class);
    }

    @Test
    void countsUnfinishedTasksPerStateAndProcessingTasksWithoutARecentHeartbeat() {
        var now = Instant.now();
        save(TaskState.NEW, null);
        save(TaskState.SCHEDULED, null);
        save(TaskState.SCHEDULED, null);
        save(TaskState.PROCESSING, now.minusSeconds(10));
        save(TaskState.PROCESSING, now.minus(HEARTBEAT_TIMEOUT).minusSeconds(30));
        save(TaskState.DONE, null);
        var gauges = new UnfinishedTaskMetrics(mongo, HEARTBEAT_TIMEOUT, registry, Clock.systemUTC());

        gauges.count();

        assertThat(gauge("new")).isEqualTo(1.0);
        assertThat(gauge("scheduled")).isEqualTo(2.0);
        assertThat(gauge("processing")).isEqualTo(2.0);
        assertThat(registry.get(UnfinishedTaskMetrics.SILENT).gauge().value()).isEqualTo(1.0);
    }

    @Test
    void reportsUnknownBeforeTheFirstCountAndWhenTheLastOneIsOlderThanTheHeartbeatTimeout() {
        var clock = new MutableClock(Instant.now());
        var gauges = new UnfinishedTaskMetrics(mongo, HEARTBEAT_TIMEOUT, registry, clock);
        assertThat(registry.get(UnfinishedTaskMetrics.SILENT).gauge().value()).isNaN();

        gauges.count();
        assertThat(gauge("processing")).isZero();

        clock.now = clock.now.plus(HEARTBEAT_TIMEOUT).plusSeconds(1);
        assertThat(gauge("processing")).isNaN();
        assertThat(registry.get(UnfinishedTaskMetrics.SILENT).gauge().value()).isNaN();
    }

    private double gauge(String state) {
        return registry.get(UnfinishedTaskMetrics.CURRENT)
                .tag("state", state)
                .gauge()
                .value();
    }

    private static void save(TaskState state, Instant lastHeartbeat) {
        mongo.insert(
                TaskBuilder.aTask().in(state).lastHeartbeatAt(lastHeartbeat).build());
    }

    private static final class MutableClock extends Clock {

        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
