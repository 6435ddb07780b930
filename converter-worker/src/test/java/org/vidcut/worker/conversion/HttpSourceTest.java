package org.vidcut.worker.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
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

/** The source read over HTTP with Range requests, as from a presigned S3 URL. */
class HttpSourceTest {

    private static final String SOURCE = "originals/u1/long";
    private static final int CLIP_SECONDS = 20;

    @TempDir
    static Path root;

    @TempDir
    Path workDir;

    private static HttpObjectStore store;
    private ConversionService service;

    @BeforeAll
    static void serveClip() throws IOException, InterruptedException {
        var source = root.resolve(SOURCE);
        Files.createDirectories(source.getParent());
        TestMedia.clip(source, CLIP_SECONDS);
        store = new HttpObjectStore(root);
    }

    @AfterAll
    static void stopServing() {
        store.close();
    }

    @BeforeEach
    void setUp() {
        service = new ConversionService(
                new WorkerProperties(
                        "http-test",
                        1,
                        "ffmpeg",
                        "ffprobe",
                        workDir,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(60),
                        Duration.ZERO,
                        DataSize.ofMegabytes(100),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(5),
                        Duration.ofHours(6),
                        DataSize.ofGigabytes(2),
                        2,
                        true),
                store);
    }

    private ConversionResult convert(String taskId, String source, Operations operations) {
        var job = new ConversionJob(
                taskId, 1, source, "results/u1/" + taskId + "/1.mp4", CLIP_SECONDS, operations, Instant.now());
        try {
            return service.convert(job, percent -> {});
        } finally {
            service.close();
        }
    }

    @Test
    void aKeyframeTrimNearTheEndSeeksWithARangeRequestInsteadOfReadingFromTheStart() throws IOException {
        store.readOffsets.clear();
        var size = Files.size(root.resolve(SOURCE));

        var result =
                convert("tail", SOURCE, new Operations(17, 19, null, null, OutputFormat.MP4, Accuracy.KEYFRAME, false));

        assertThat(result.durationSeconds()).isCloseTo(2, within(0.5));
        // the index is at the front (faststart): a read starting past the middle can only be the seek to 17 s
        assertThat(store.readOffsets).anySatisfy(offset -> assertThat(offset).isGreaterThan(size / 2));
    }

    @Test
    void anExactTrimOverHttpHasTheRequestedDuration() {
        var result =
                convert("exact", SOURCE, new Operations(10.5, 12, null, null, OutputFormat.MP4, Accuracy.EXACT, true));

        assertThat(result.durationSeconds()).isCloseTo(1.5, within(0.1));
    }

    @Test
    void aSourceGoneBeforeFfmpegReadsItIsFinalAndTheReasonHidesTheUrl() {
        var operations = new Operations(0, 2, null, null, OutputFormat.MP4, Accuracy.EXACT, true);

        var thrown = catchThrowable(() -> convert("gone", "originals/u1/gone", operations));

        var failure = FailurePolicy.classify(thrown);
        assertThat(failure.kind()).isEqualTo(FailureKind.FINAL);
        assertThat(failure.reason()).contains("404").doesNotContain("X-Amz", "127.0.0.1");
    }

    @Test
    void aCorruptSourceOverHttpIsFinalAndTheReasonHidesTheUrl() throws IOException {
        var bytes = new byte[32 * 1024];
        new Random(3).nextBytes(bytes);
        Files.write(root.resolve("originals/u1/noise"), bytes);
        var operations = new Operations(0, 2, null, null, OutputFormat.MP4, Accuracy.EXACT, true);

        var thrown = catchThrowable(() -> convert("noise", "originals/u1/noise", operations));

        var failure = FailurePolicy.classify(thrown);
        assertThat(failure.kind()).isEqualTo(FailureKind.FINAL);
        assertThat(failure.reason()).doesNotContain("X-Amz", "127.0.0.1");
    }
}
