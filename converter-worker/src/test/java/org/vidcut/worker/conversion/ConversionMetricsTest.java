package org.vidcut.worker.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import org.vidcut.contracts.Accuracy;
import org.vidcut.contracts.ConversionJob;
import org.vidcut.contracts.FailureKind;
import org.vidcut.contracts.Operations;
import org.vidcut.contracts.OutputFormat;
import org.vidcut.worker.WorkerProperties;

/** The worker's meters under the names Prometheus scrapes, around real ffmpeg runs on a generated clip. */
class ConversionMetricsTest {

    private static final String SOURCE = "originals/u1/clip";
    private static final String GARBAGE = "originals/u1/garbage";

    @TempDir
    static Path storageRoot;

    @TempDir
    Path workDir;

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ConversionMetrics metrics = new ConversionMetrics(registry);
    private ConversionService service;

    @BeforeAll
    static void generateMedia() throws IOException, InterruptedException {
        var source = storageRoot.resolve(SOURCE);
        Files.createDirectories(source.getParent());
        TestMedia.clip(source, 2);
        Files.write(storageRoot.resolve(GARBAGE), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
    }

    @BeforeEach
    void setUp() {
        var properties = new WorkerProperties(
                "metrics-worker",
                1,
                "ffmpeg",
                "ffprobe",
                workDir,
                Duration.ofMillis(200),
                Duration.ofSeconds(60),
                Duration.ZERO,
                DataSize.ofMegabytes(50),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                Duration.ofHours(6),
                DataSize.ofGigabytes(2),
                2,
                true);
        service = new ConversionService(properties, new LocalObjectStore(storageRoot), metrics);
    }

    @AfterEach
    void tearDown() {
        service.close();
    }

    private static ConversionJob job(String taskId, String source, OutputFormat format) {
        return new ConversionJob(
                taskId,
                1,
                source,
                "results/u1/" + taskId + "/1." + format.fileExtension(),
                2,
                new Operations(0, 1, null, null, format, Accuracy.EXACT, true),
                Instant.now());
    }

    @Test
    void aSuccessfulRunIsCountedAndTimedUnderItsFormat() {
        service.convert(job("ok", SOURCE, OutputFormat.WEBM), percent -> {});

        assertThat(registry.scrape())
                .contains("vidcut_ffmpeg_runs_total{format=\"webm\",outcome=\"success\"} 1.0")
                .contains("vidcut_ffmpeg_seconds_count{format=\"webm\",outcome=\"success\"} 1")
                .contains("vidcut_ffmpeg_seconds_bucket{format=\"webm\",outcome=\"success\",le=\"60.0\"} 1")
                .doesNotContain("outcome=\"failed\"");
    }

    @Test
    void aRunOnUnreadableMediaIsCountedAsFailed() {
        assertThatThrownBy(() -> service.convert(job("bad", GARBAGE, OutputFormat.MP4), percent -> {}))
                .isInstanceOf(ConversionFailed.class)
                .hasMessageContaining("ffmpeg cannot convert this video");

        assertThat(registry.scrape())
                .contains("vidcut_ffmpeg_runs_total{format=\"mp4\",outcome=\"failed\"} 1.0")
                .contains("vidcut_ffmpeg_seconds_count{format=\"mp4\",outcome=\"failed\"} 1")
                .doesNotContain("outcome=\"success\"");
    }

    @Test
    void jobFailuresAreCountedByKindAndJobsInProgressAreAGauge() {
        metrics.jobStarted();
        metrics.jobStarted();
        metrics.jobEnded();
        metrics.jobFailed(FailureKind.TRANSIENT);
        metrics.jobFailed(FailureKind.TRANSIENT);
        metrics.jobFailed(FailureKind.FINAL);

        assertThat(registry.scrape())
                .contains("vidcut_jobs_in_progress 1.0")
                .contains("vidcut_ffmpeg_failures_total{kind=\"transient\"} 2.0")
                .contains("vidcut_ffmpeg_failures_total{kind=\"final\"} 1.0");
    }

    @Test
    void outcomesNameWhyARunStopped() {
        assertThat(ConversionMetrics.Outcome.of(ConversionFailed.timedOut(Duration.ofSeconds(1))))
                .isEqualTo(ConversionMetrics.Outcome.TIMEOUT);
        assertThat(ConversionMetrics.Outcome.of(ConversionFailed.workerShuttingDown()))
                .isEqualTo(ConversionMetrics.Outcome.STOPPED);
        assertThat(ConversionMetrics.Outcome.of(ConversionFailed.ffmpegUnavailable(new IOException("x"))))
                .isEqualTo(ConversionMetrics.Outcome.UNAVAILABLE);
        assertThat(ConversionMetrics.Outcome.of(ConversionFailed.ffmpegFailed("bad input")))
                .isEqualTo(ConversionMetrics.Outcome.FAILED);
    }
}
