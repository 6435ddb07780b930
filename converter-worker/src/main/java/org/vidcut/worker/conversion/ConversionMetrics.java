package org.vidcut.worker.conversion;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.vidcut.contracts.FailureKind;
import org.vidcut.contracts.OutputFormat;

/**
 * The worker's meters for Prometheus: every ffmpeg run by output format and outcome with its duration, failed
 * jobs by how {@link FailurePolicy} classified them, and the jobs this worker is busy with. All labels come from
 * small fixed sets.
 */
public class ConversionMetrics {

    static final String FFMPEG_RUNS = "vidcut.ffmpeg.runs";
    static final String FFMPEG_TIME = "vidcut.ffmpeg";
    static final String FAILURES = "vidcut.ffmpeg.failures";
    static final String JOBS_IN_PROGRESS = "vidcut.jobs.in.progress";

    private static final Duration[] RUN_BUCKETS = {
        Duration.ofSeconds(1),
        Duration.ofSeconds(5),
        Duration.ofSeconds(15),
        Duration.ofSeconds(30),
        Duration.ofMinutes(1),
        Duration.ofMinutes(5),
        Duration.ofMinutes(15),
        Duration.ofMinutes(30),
        Duration.ofHours(1)
    };

    /** How an ffmpeg run ended. */
    enum Outcome {
        SUCCESS,
        /** ffmpeg exited with an error. */
        FAILED,
        /** the run's time limit passed and it was killed */
        TIMEOUT,
        /** killed because the worker is stopping */
        STOPPED,
        /** ffmpeg could not be started */
        UNAVAILABLE;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Outcome of(RuntimeException failure) {
            return failure instanceof ConversionFailed known ? known.outcome() : FAILED;
        }
    }

    private final MeterRegistry registry;
    private final AtomicInteger jobsInProgress = new AtomicInteger();

    public ConversionMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(JOBS_IN_PROGRESS, jobsInProgress, AtomicInteger::get)
                .description("Jobs this worker has taken and not yet reported")
                .register(registry);
    }

    /** Meters that go nowhere, for code built outside a Spring context. */
    public static ConversionMetrics unregistered() {
        return new ConversionMetrics(new SimpleMeterRegistry());
    }

    Timer.Sample ffmpegStarting() {
        return Timer.start(registry);
    }

    void ffmpegEnded(Timer.Sample started, OutputFormat format, Outcome outcome) {
        started.stop(Timer.builder(FFMPEG_TIME)
                .description("Duration of ffmpeg runs")
                .tag("format", format.id())
                .tag("outcome", outcome.id())
                .serviceLevelObjectives(RUN_BUCKETS)
                .register(registry));
        Counter.builder(FFMPEG_RUNS)
                .description("ffmpeg runs by output format and outcome")
                .tag("format", format.id())
                .tag("outcome", outcome.id())
                .register(registry)
                .increment();
    }

    /** A job that ended in a Failed event, whatever failed (ffmpeg, storage, verification). */
    public void jobFailed(FailureKind kind) {
        Counter.builder(FAILURES)
                .description("Failed conversion attempts: final ones are not retried, transient ones are")
                .tag("kind", kind.id())
                .register(registry)
                .increment();
    }

    public void jobStarted() {
        jobsInProgress.incrementAndGet();
    }

    public void jobEnded() {
        jobsInProgress.decrementAndGet();
    }
}
