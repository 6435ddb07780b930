package org.vidcut.worker.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import org.vidcut.contracts.Accuracy;
import org.vidcut.contracts.ConversionJob;
import org.vidcut.contracts.Operations;
import org.vidcut.contracts.OutputFormat;
import org.vidcut.worker.WorkerProperties;

/** Canceling an attempt stops its ffmpeg at once and keeps nothing; other attempts and tasks are untouched. */
class ConversionCancelTest {

    private static final Operations TRIM = new Operations(0, 2, null, null, OutputFormat.MP4, Accuracy.EXACT, true);

    @TempDir
    Path storageRoot;

    @TempDir
    Path workDir;

    private ConversionService service;

    @BeforeEach
    void setUp() {
        var properties = new WorkerProperties(
                "test-worker",
                2,
                "ffmpeg",
                "ffprobe",
                workDir,
                Duration.ofMillis(100),
                Duration.ofSeconds(120),
                Duration.ZERO,
                DataSize.ofMegabytes(100),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                Duration.ofHours(6),
                DataSize.ofGigabytes(2),
                2,
                true);
        service = new ConversionService(properties, new LocalObjectStore(storageRoot));
    }

    @AfterEach
    void tearDown() {
        service.stopAll();
        service.close();
    }

    @Test
    void cancelingARunningAttemptKillsItsFfmpegWithinFiveSecondsAndLeavesNoFile() throws Exception {
        var source = blockingSource("running");
        var outcome = CompletableFuture.supplyAsync(
                () -> catchThrowable(() -> service.convert(job("t-running", 1, source), p -> {})));
        await().atMost(Duration.ofSeconds(10)).until(() -> service.runningCount() == 1);

        var canceledAt = System.nanoTime();
        service.cancel("t-running", 1);

        assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(ConversionCanceled.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> ffmpegChildren() == 0);
        assertThat(Duration.ofNanos(System.nanoTime() - canceledAt)).isLessThan(Duration.ofSeconds(5));
        assertThat(filesIn(workDir)).isZero();
        assertThat(storageRoot.resolve("results")).doesNotExist();
    }

    @Test
    void aCancelOfAnotherAttemptLeavesTheRunningOneAlone() throws Exception {
        var source = blockingSource("other-attempt");
        var outcome = CompletableFuture.supplyAsync(
                () -> catchThrowable(() -> service.convert(job("t-other", 2, source), p -> {})));
        await().atMost(Duration.ofSeconds(10)).until(() -> service.runningCount() == 1);

        service.cancel("t-other", 1);
        service.cancel("another-task", 2);

        assertThat(service.runningCount()).isEqualTo(1);
        assertThat(outcome).isNotDone();
        service.cancel("t-other", 2);
        assertThat(outcome.get(5, TimeUnit.SECONDS)).isInstanceOf(ConversionCanceled.class);
    }

    @Test
    void anAttemptCanceledBeforeItsJobArrivesNeverRuns() throws Exception {
        service.cancel("t-queued", 1);

        assertThatThrownBy(() -> service.convert(job("t-queued", 1, blockingSource("queued")), p -> {}))
                .isInstanceOf(ConversionCanceled.class);
        assertThat(service.runningCount()).isZero();
    }

    private static ConversionJob job(String taskId, int attempt, String source) {
        return new ConversionJob(
                taskId, attempt, source, "results/u1/" + taskId + "/" + attempt + ".mp4", 5, TRIM, Instant.now());
    }

    /** A named pipe nobody writes to: ffmpeg blocks opening it until it is killed. */
    private String blockingSource(String name) throws IOException, InterruptedException {
        var fifo = storageRoot.resolve("originals/u1/" + name + ".fifo");
        Files.createDirectories(fifo.getParent());
        var mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();
        return "originals/u1/" + name + ".fifo";
    }

    private static long ffmpegChildren() {
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().orElse("").endsWith("ffmpeg"))
                .count();
    }

    private static long filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.count();
        }
    }
}
