package org.vidcut.api.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpConnectException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.test.util.ReflectionTestUtils;
import org.vidcut.contracts.Topology;

/** The queue depth gauge reads the broker at most once per cache time and says NaN when it cannot know. */
class QueueDepthMetricsTest {

    private final AmqpAdmin admin = mock(AmqpAdmin.class);
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MutableClock clock = new MutableClock();
    private final QueueDepthMetrics metrics =
            new QueueDepthMetrics(admin, registry, new CallerRunsExecutor(), clock, Duration.ofSeconds(5));

    private static QueueInformation queue(String name, int messages) {
        return new QueueInformation(name, messages, 1);
    }

    @Test
    void exportsTheJobsQueueDepthUnderItsPrometheusName() {
        when(admin.getQueueInfo(Topology.JOBS_QUEUE)).thenReturn(queue(Topology.JOBS_QUEUE, 7));

        metrics.depth(Topology.JOBS_QUEUE);

        assertThat(registry.scrape())
                .contains("vidcut_queue_depth{queue=\"vidcut.conversion-jobs\"} 7.0")
                .contains("# TYPE vidcut_queue_depth gauge");
    }

    @Test
    void exportsTheConsumersOfEachQueueBesideItsDepth() {
        when(admin.getQueueInfo(Topology.JOBS_QUEUE)).thenReturn(new QueueInformation(Topology.JOBS_QUEUE, 12, 0));

        metrics.consumers(Topology.JOBS_QUEUE);

        assertThat(registry.scrape())
                .contains("vidcut_queue_consumers{queue=\"vidcut.conversion-jobs\"} 0.0")
                .contains("vidcut_queue_depth{queue=\"vidcut.conversion-jobs\"} 12.0");
    }

    @Test
    void readsTheBrokerAtMostOncePerCacheTime() {
        when(admin.getQueueInfo(Topology.JOBS_QUEUE)).thenReturn(queue(Topology.JOBS_QUEUE, 3));

        assertThat(metrics.depth(Topology.JOBS_QUEUE)).isEqualTo(3.0);
        when(admin.getQueueInfo(Topology.JOBS_QUEUE)).thenReturn(queue(Topology.JOBS_QUEUE, 9));
        clock.advance(Duration.ofSeconds(4));
        assertThat(metrics.depth(Topology.JOBS_QUEUE)).isEqualTo(3.0);
        clock.advance(Duration.ofSeconds(2));
        assertThat(metrics.depth(Topology.JOBS_QUEUE)).isEqualTo(9.0);

        verify(admin, times(2)).getQueueInfo(Topology.JOBS_QUEUE);
    }

    @Test
    void isNanWhileTheBrokerIsUnreachable() {
        when(admin.getQueueInfo(Topology.JOBS_QUEUE)).thenThrow(new AmqpConnectException(new Exception("refused")));

        assertThat(metrics.depth(Topology.JOBS_QUEUE)).isNaN();
        assertThat(metrics.depth(Topology.EVENTS_QUEUE)).isNaN();
        assertThat(registry.scrape()).contains("vidcut_queue_depth{queue=\"vidcut.conversion-jobs\"} NaN");
    }

    @Test
    void isNanForAQueueTheBrokerDoesNotHave() {
        assertThat(metrics.depth(Topology.JOBS_QUEUE)).isNaN();
    }

    @Test
    void aScrapeDoesNotWaitForAReadThatHangs() {
        var parked = new ParkingExecutor();
        var slow = new QueueDepthMetrics(admin, registry, parked, clock, Duration.ofSeconds(5));
        when(admin.getQueueInfo(Topology.JOBS_QUEUE)).thenReturn(queue(Topology.JOBS_QUEUE, 4));

        assertThat(slow.depth(Topology.JOBS_QUEUE)).isNaN();
        assertThat(slow.depth(Topology.JOBS_QUEUE)).isNaN();
        assertThat(parked.waiting).hasSize(1);

        parked.waiting.get(0).run();
        assertThat(slow.depth(Topology.JOBS_QUEUE)).isEqualTo(4.0);
    }

    @Test
    void anOldReadingIsNotPassedOffAsCurrent() {
        var parked = new ParkingExecutor();
        var slow = new QueueDepthMetrics(admin, registry, parked, clock, Duration.ofSeconds(5));
        when(admin.getQueueInfo(Topology.JOBS_QUEUE)).thenReturn(queue(Topology.JOBS_QUEUE, 4));
        slow.depth(Topology.JOBS_QUEUE);
        parked.waiting.remove(0).run();

        clock.advance(Duration.ofSeconds(6));
        assertThat(slow.depth(Topology.JOBS_QUEUE)).as("stale but recent").isEqualTo(4.0);
        clock.advance(Duration.ofSeconds(10));
        assertThat(slow.depth(Topology.JOBS_QUEUE))
                .as("the read has hung for too long")
                .isNaN();
    }

    @Test
    void stopsReadingOnShutdown() {
        metrics.destroy();

        assertThat(metrics.depth(Topology.JOBS_QUEUE)).isNaN();
        assertThat(ReflectionTestUtils.getField(metrics, "reading")).hasToString("false");
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-11-23T12:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
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
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** Runs reads at once, on the scraping thread, so tests need no waiting. */
    private static class CallerRunsExecutor extends AbstractExecutorService {
        private boolean shutdown;

        @Override
        public void execute(Runnable command) {
            if (shutdown) {
                throw new RejectedExecutionException("shut down");
            }
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }

    /** Keeps reads until the test runs them: a broker that does not answer. */
    private static final class ParkingExecutor extends CallerRunsExecutor {
        final List<Runnable> waiting = new ArrayList<>();

        @Override
        public void execute(Runnable command) {
            waiting.add(command);
        }
    }
}
