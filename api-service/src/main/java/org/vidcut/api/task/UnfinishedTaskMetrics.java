package org.vidcut.api.task;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Gauges of the tasks that are not finished, for the alerts on tasks that do not move: {@code vidcut.tasks.current}
 * per state, and {@code vidcut.tasks.silent}, the PROCESSING tasks whose worker has sent no heartbeat for longer
 * than the heartbeat timeout. The reaper gives those a new attempt within a sweep, so a silent count that lasts
 * means the reaper does not run. Counted in the background every sweep interval, so a scrape never waits for
 * MongoDB; NaN before the first count and once the last one is older than the heartbeat timeout.
 */
@Component
class UnfinishedTaskMetrics {

    static final String CURRENT = "vidcut.tasks.current";
    static final String SILENT = "vidcut.tasks.silent";
    static final List<TaskState> UNFINISHED = List.of(TaskState.NEW, TaskState.SCHEDULED, TaskState.PROCESSING);

    private static final Logger log = LoggerFactory.getLogger(UnfinishedTaskMetrics.class);

    private record Counts(Map<TaskState, Long> current, long silent, Instant countedAt) {}

    private final MongoTemplate mongo;
    private final Duration heartbeatTimeout;
    private final Clock clock;
    private volatile Counts counts;
    private volatile boolean databaseWasDown;

    @Autowired
    UnfinishedTaskMetrics(MongoTemplate mongo, TaskProperties properties, MeterRegistry registry) {
        this(mongo, properties.heartbeatTimeout(), registry, Clock.systemUTC());
    }

    UnfinishedTaskMetrics(MongoTemplate mongo, Duration heartbeatTimeout, MeterRegistry registry, Clock clock) {
        this.mongo = mongo;
        this.heartbeatTimeout = heartbeatTimeout;
        this.clock = clock;
        for (var state : UNFINISHED) {
            Gauge.builder(CURRENT, this, gauges -> gauges.current(state))
                    .description("Tasks in a state that is not final, NaN when the database cannot be asked")
                    .tag("state", state.id())
                    .register(registry);
        }
        Gauge.builder(SILENT, this, UnfinishedTaskMetrics::silent)
                .description("Processing tasks without a heartbeat for longer than the heartbeat timeout")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${vidcut.tasks.sweep-interval}")
    void count() {
        var now = clock.instant();
        try {
            var current = new EnumMap<TaskState, Long>(TaskState.class);
            for (var state : UNFINISHED) {
                current.put(state, mongo.count(Query.query(where("state").is(state)), TaskDocument.class));
            }
            var silent = mongo.count(
                    Query.query(where("state")
                            .is(TaskState.PROCESSING)
                            .and("lastHeartbeatAt")
                            .lt(now.minus(heartbeatTimeout))),
                    TaskDocument.class);
            counts = new Counts(current, silent, now);
            databaseWasDown = false;
        } catch (RuntimeException e) {
            if (!databaseWasDown) {
                log.warn("cannot count the unfinished tasks: {}", e.toString());
            }
            databaseWasDown = true;
        }
    }

    double current(TaskState state) {
        var last = trusted();
        return last == null ? Double.NaN : last.current().getOrDefault(state, 0L);
    }

    double silent() {
        var last = trusted();
        return last == null ? Double.NaN : last.silent();
    }

    private Counts trusted() {
        var last = counts;
        // a count older than the heartbeat timeout would hide exactly what the gauges are for
        if (last == null || last.countedAt().plus(heartbeatTimeout).isBefore(clock.instant())) {
            return null;
        }
        return last;
    }
}
