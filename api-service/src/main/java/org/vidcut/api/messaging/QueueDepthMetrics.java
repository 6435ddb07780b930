package org.vidcut.api.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToDoubleFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.vidcut.contracts.Topology;

/**
 * The {@code vidcut.queue.depth} and {@code vidcut.queue.consumers} gauges: ready messages and consumers per
 * queue, read with a passive queue declaration. A scrape never waits for the broker: it gets the last reading and,
 * when that is older than the cache time, starts a new one in the background. NaN means "unknown": not read yet, the queue is missing, the broker is unreachable, or
 * the last reading is too old to trust (a read that hangs on a half-dead broker).
 */
@Component
class QueueDepthMetrics implements JobConsumers, DisposableBean {

    static final String NAME = "vidcut.queue.depth";
    /** Consumers per queue: a jobs queue that grows while this is 0 has no worker to drain it. */
    static final String CONSUMERS = "vidcut.queue.consumers";

    static final List<String> QUEUES = List.of(
            Topology.JOBS_QUEUE,
            Topology.JOBS_DEAD_LETTER_QUEUE,
            Topology.EVENTS_QUEUE,
            Topology.EVENTS_DEAD_LETTER_QUEUE);

    private static final Logger log = LoggerFactory.getLogger(QueueDepthMetrics.class);
    private static final Duration CACHE_TIME = Duration.ofSeconds(5);
    /** A reading this many cache times old is reported as unknown rather than as a stale number. */
    private static final int TRUSTED_CACHE_TIMES = 3;

    private record Reading(double depth, double consumers, Instant readAt) {}

    private final AmqpAdmin admin;
    private final ExecutorService reader;
    private final Clock clock;
    private final Duration cacheTime;
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();
    private final AtomicBoolean reading = new AtomicBoolean();
    private volatile boolean brokerWasDown;

    @Autowired
    QueueDepthMetrics(AmqpAdmin admin, MeterRegistry registry) {
        this(
                admin,
                registry,
                Executors.newSingleThreadExecutor(runnable -> {
                    var thread = new Thread(runnable, "vidcut-queue-depth");
                    thread.setDaemon(true);
                    return thread;
                }),
                Clock.systemUTC(),
                CACHE_TIME);
    }

    QueueDepthMetrics(
            AmqpAdmin admin, MeterRegistry registry, ExecutorService reader, Clock clock, Duration cacheTime) {
        this.admin = admin;
        this.reader = reader;
        this.clock = clock;
        this.cacheTime = cacheTime;
        for (var queue : QUEUES) {
            Gauge.builder(NAME, this, metrics -> metrics.depth(queue))
                    .description("Messages ready in a vidcut queue, NaN when the broker cannot be asked")
                    .tag("queue", queue)
                    .register(registry);
            Gauge.builder(CONSUMERS, this, metrics -> metrics.consumers(queue))
                    .description("Consumers of a vidcut queue, NaN when the broker cannot be asked")
                    .tag("queue", queue)
                    .register(registry);
        }
    }

    double depth(String queue) {
        return read(queue, Reading::depth);
    }

    double consumers(String queue) {
        return read(queue, Reading::consumers);
    }

    @Override
    public OptionalInt count() {
        double consumers = consumers(Topology.JOBS_QUEUE);
        return Double.isNaN(consumers) ? OptionalInt.empty() : OptionalInt.of((int) consumers);
    }

    private double read(String queue, ToDoubleFunction<Reading> value) {
        var now = clock.instant();
        var last = readings.get(queue);
        if (last == null || !last.readAt().plus(cacheTime).isAfter(now)) {
            readInBackground();
            last = readings.get(queue);
        }
        if (last == null
                || !last.readAt()
                        .plus(cacheTime.multipliedBy(TRUSTED_CACHE_TIMES))
                        .isAfter(now)) {
            return Double.NaN;
        }
        return value.applyAsDouble(last);
    }

    private void readInBackground() {
        if (!reading.compareAndSet(false, true)) {
            return;
        }
        try {
            reader.execute(() -> {
                try {
                    readAll();
                } finally {
                    reading.set(false);
                }
            });
        } catch (RuntimeException e) {
            // shut down: no more readings
            reading.set(false);
        }
    }

    private void readAll() {
        for (var queue : QUEUES) {
            try {
                var info = admin.getQueueInfo(queue);
                readings.put(
                        queue,
                        info == null
                                ? new Reading(Double.NaN, Double.NaN, clock.instant())
                                : new Reading(info.getMessageCount(), info.getConsumerCount(), clock.instant()));
                brokerWasDown = false;
            } catch (RuntimeException e) {
                if (!brokerWasDown) {
                    log.warn("cannot read queue depths: {}", e.toString());
                }
                brokerWasDown = true;
                // the other queues would fail the same way, each after its own connection attempt
                var now = clock.instant();
                QUEUES.forEach(unread -> readings.put(unread, new Reading(Double.NaN, Double.NaN, now)));
                return;
            }
        }
    }

    @Override
    public void destroy() {
        reader.shutdownNow();
    }
}
