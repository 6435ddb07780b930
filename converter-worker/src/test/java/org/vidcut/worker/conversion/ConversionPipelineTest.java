package org.vidcut.worker.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
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

/** The real pipeline (ffmpeg, ffprobe, temporary files) on a generated 5 s clip, storage as local files. */
class ConversionPipelineTest {

    private static final String SOURCE = "originals/u1/v1";
    private static final int CLIP_SECONDS = 5;

    @TempDir
    static Path storageRoot;

    @TempDir
    Path workDir;

    private LocalObjectStore store;
    private ConversionService service;
    private final List<Double> progress = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void generateClip() throws IOException, InterruptedException {
        var source = storageRoot.resolve(SOURCE);
        Files.createDirectories(source.getParent());
        TestMedia.clip(source, CLIP_SECONDS);
    }

    @BeforeEach
    void setUp() {
        store = new LocalObjectStore(storageRoot);
        service = new ConversionService(properties(Duration.ofSeconds(60), DataSize.ofMegabytes(100)), store);
    }

    private WorkerProperties properties(Duration timeoutBase, DataSize maxOutput) {
        return properties(timeoutBase, maxOutput, DataSize.ofGigabytes(2));
    }

    @AfterEach
    void tearDown() {
        service.close();
    }

    private WorkerProperties properties(Duration timeoutBase, DataSize maxOutput, DataSize memoryLimit) {
        return properties(timeoutBase, maxOutput, memoryLimit, "ffprobe");
    }

    private WorkerProperties properties(
            Duration timeoutBase, DataSize maxOutput, DataSize memoryLimit, String ffprobe) {
        return new WorkerProperties(
                "test-worker",
                1,
                "ffmpeg",
                ffprobe,
                workDir,
                Duration.ofMillis(100),
                timeoutBase,
                Duration.ZERO,
                maxOutput,
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                Duration.ofHours(6),
                memoryLimit,
                2,
                true);
    }

    private static ConversionJob job(String taskId, String source, Operations operations) {
        return job(taskId, source, CLIP_SECONDS, operations);
    }

    private static ConversionJob job(String taskId, String source, double sourceSeconds, Operations operations) {
        return new ConversionJob(
                taskId,
                1,
                source,
                "results/u1/" + taskId + "/1." + operations.format().fileExtension(),
                sourceSeconds,
                operations,
                Instant.now());
    }

    private ConversionResult convert(String taskId, Operations operations) {
        return service.convert(job(taskId, SOURCE, operations), progress::add);
    }

    @Test
    void exactTrimHasTheRequestedDurationAndIsStored() throws IOException {
        var result = convert("exact", new Operations(1, 3.5, null, null, OutputFormat.MP4, Accuracy.EXACT, true));

        assertThat(result.durationSeconds()).isCloseTo(2.5, within(0.1));
        assertThat(result.startSeconds()).isEqualTo(1.0);
        assertThat(result.endSeconds()).isCloseTo(3.5, within(0.1));
        assertThat(result.videoCodec()).isEqualTo("h264");
        assertThat(result.audioCodec()).isEqualTo("aac");
        assertThat(result.width()).isEqualTo(320);
        assertThat(result.height()).isEqualTo(240);
        var stored = store.path(result.resultObjectKey());
        assertThat(stored).exists();
        assertThat(result.sizeBytes()).isEqualTo(Files.size(stored));
        assertThat(store.contentTypes).containsEntry(result.resultObjectKey(), "video/mp4");
    }

    @Test
    void theTemporaryOutputIsDeletedAfterwards() throws IOException {
        convert("cleanup", new Operations(0, 1, null, null, OutputFormat.MP4, Accuracy.EXACT, true));

        try (var files = Files.list(workDir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void keyframeTrimCopiesTheStreams() {
        var result = convert("keyframe", new Operations(1, 3, null, null, OutputFormat.MP4, Accuracy.KEYFRAME, false));

        assertThat(result.videoCodec()).isEqualTo("h264");
        assertThat(result.width()).isEqualTo(320);
        // cut on keyframes (one per second here): close to, but not necessarily exactly, 2 s
        assertThat(result.durationSeconds()).isBetween(1.5, 3.1);
    }

    @Test
    void keyframeTrimReportsThatItBeginsOnTheKeyframeBeforeTheAskedStart() {
        var result = convert(
                "keyframe-start", new Operations(1.5, 3, null, null, OutputFormat.MP4, Accuracy.KEYFRAME, false));

        // keyframes at every whole second: the copy begins at 1 s and ends where asked
        assertThat(result.startSeconds()).isCloseTo(1.0, within(0.1));
        assertThat(result.endSeconds()).isEqualTo(3.0);
        assertThat(result.durationSeconds()).isCloseTo(2.0, within(0.1));
    }

    @Test
    void aKeyframeTrimOfTheAskedLengthReadsItsResultOnce() throws IOException {
        var calls = recordFfprobeCalls();

        convert("probed-once", new Operations(1, 3, null, null, OutputFormat.MP4, Accuracy.KEYFRAME, false));

        // the keyframe interval of a copy is read only when the copy is shorter than asked
        assertThat(calls.runs(SOURCE, false)).hasSize(1);
    }

    @Test
    void aKeyframeTrimReadsItsSourceHeaderAndTheKeyframeBeforeTheCutInOneRun() throws IOException {
        var calls = recordFfprobeCalls();

        var result =
                convert("source-once", new Operations(1.5, 3, null, null, OutputFormat.MP4, Accuracy.KEYFRAME, false));

        assertThat(result.startSeconds()).isCloseTo(1.0, within(0.1));
        assertThat(calls.runs(SOURCE, true)).hasSize(1);
    }

    /** Replaces the service by one whose ffprobe logs every invocation. */
    private RecordingFfprobe recordFfprobeCalls() throws IOException {
        var ffprobe = RecordingFfprobe.in(workDir);
        service.close();
        service = new ConversionService(
                properties(
                        Duration.ofSeconds(60),
                        DataSize.ofMegabytes(100),
                        DataSize.ofGigabytes(2),
                        ffprobe.command().toString()),
                store);
        return ffprobe;
    }

    @Test
    void resizingOneSideKeepsTheAspectRatio() {
        var result = convert("resize", new Operations(0, 1, 160, null, OutputFormat.MP4, Accuracy.EXACT, true));

        assertThat(result.width()).isEqualTo(160);
        assertThat(result.height()).isEqualTo(120);
    }

    @Test
    void resizingBothSidesGivesExactlyThatSize() {
        var result = convert("resize2", new Operations(0, 1, 200, 100, OutputFormat.MKV, Accuracy.EXACT, true));

        assertThat(result.width()).isEqualTo(200);
        assertThat(result.height()).isEqualTo(100);
    }

    @Test
    void webmIsVp9WithOpusAndHasTheContainersDuration() {
        var result = convert("webm", new Operations(0, 2, null, null, OutputFormat.WEBM, Accuracy.EXACT, true));

        assertThat(result.videoCodec()).isEqualTo("vp9");
        assertThat(result.audioCodec()).isEqualTo("opus");
        assertThat(result.durationSeconds()).isCloseTo(2, within(0.1));
        assertThat(store.contentTypes).containsEntry(result.resultObjectKey(), "video/webm");
    }

    @Test
    void mp3HasOnlyAudio() {
        var result = convert("mp3", new Operations(0, 2, null, null, OutputFormat.MP3, Accuracy.EXACT, true));

        assertThat(result.audioCodec()).isEqualTo("mp3");
        assertThat(result.videoCodec()).isNull();
        assertThat(result.width()).isNull();
    }

    @Test
    void gifHasNoAudio() {
        var result = convert("gif", new Operations(0, 1, 160, null, OutputFormat.GIF, Accuracy.EXACT, true));

        assertThat(result.videoCodec()).isEqualTo("gif");
        assertThat(result.audioCodec()).isNull();
        assertThat(result.width()).isEqualTo(160);
    }

    @Test
    void movIsH264() {
        var result = convert("mov", new Operations(0, 1, null, null, OutputFormat.MOV, Accuracy.EXACT, true));

        assertThat(result.videoCodec()).isEqualTo("h264");
        assertThat(store.contentTypes).containsEntry(result.resultObjectKey(), "video/quicktime");
    }

    @Test
    void progressIsReportedAsHeartbeatsWithinZeroToAHundred() {
        convert("progress", new Operations(0, 4, null, null, OutputFormat.WEBM, Accuracy.EXACT, true));

        assertThat(progress).isNotEmpty().allSatisfy(p -> assertThat(p).isBetween(0.0, 100.0));
    }

    @Test
    void aCorruptSourceIsAFinalFailure() throws IOException {
        var corrupt = storageRoot.resolve("originals/u1/corrupt");
        var bytes = new byte[64 * 1024];
        new Random(7).nextBytes(bytes);
        Files.write(corrupt, bytes);
        var operations = new Operations(0, 2, null, null, OutputFormat.MP4, Accuracy.EXACT, true);

        var thrown = catchThrowable(() -> service.convert(job("corrupt", "originals/u1/corrupt", operations), p -> {}));

        var failure = FailurePolicy.classify(thrown);
        assertThat(failure.kind()).isEqualTo(FailureKind.FINAL);
        assertThat(failure.reason()).contains("Invalid data").doesNotContain(storageRoot.toString());
    }

    @Test
    void aMissingSourceIsAFinalFailure() {
        var operations = new Operations(0, 2, null, null, OutputFormat.MP4, Accuracy.EXACT, true);

        var thrown = catchThrowable(() -> service.convert(job("missing", "originals/u1/gone", operations), p -> {}));

        assertThat(FailurePolicy.classify(thrown).kind()).isEqualTo(FailureKind.FINAL);
    }

    @Test
    void anOutputOverTheSizeLimitIsRejected() {
        service.close();
        service = new ConversionService(properties(Duration.ofSeconds(60), DataSize.ofKilobytes(20)), store);
        var operations = new Operations(0, 5, null, null, OutputFormat.MP4, Accuracy.EXACT, true);

        var thrown = catchThrowable(() -> convert("too-large", operations));

        assertThat(thrown).isInstanceOf(ConversionFailed.class).hasMessageContaining("larger than the limit");
        assertThat(FailurePolicy.classify(thrown).kind()).isEqualTo(FailureKind.FINAL);
    }

    @Test
    void anInvalidJobFailsBeforeFfmpegRuns() {
        var empty = new Operations(3, 3, null, null, OutputFormat.MP4, Accuracy.EXACT, true);

        assertThatThrownBy(() -> convert("empty", empty))
                .isInstanceOf(ConversionFailed.class)
                .hasMessageContaining("invalid job");
    }

    @Test
    void aConversionOverItsTimeLimitIsKilledAndFailsFinally() throws Exception {
        service.close();
        service = new ConversionService(properties(Duration.ofMillis(500), DataSize.ofMegabytes(100)), store);
        var neverWritten = blockingSource("slow");
        var operations = new Operations(0, 2, null, null, OutputFormat.MP4, Accuracy.EXACT, true);

        var started = System.nanoTime();
        var thrown = catchThrowable(() -> service.convert(job("slow", neverWritten, operations), p -> {}));

        assertThat(thrown).isInstanceOf(ConversionFailed.class).hasMessageContaining("longer than its limit");
        assertThat(FailurePolicy.classify(thrown).kind()).isEqualTo(FailureKind.FINAL);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
        assertThat(service.runningCount()).isZero();
        assertThat(ffmpegChildren()).isZero();
    }

    @Test
    void stoppingTheWorkerKillsFfmpegAndHandsTheJobBack() throws Exception {
        var neverWritten = blockingSource("stopped");
        var operations = new Operations(0, 2, null, null, OutputFormat.MP4, Accuracy.EXACT, true);

        var outcome = CompletableFuture.supplyAsync(
                () -> catchThrowable(() -> service.convert(job("stopped", neverWritten, operations), p -> {})));
        await().atMost(Duration.ofSeconds(10)).until(() -> service.runningCount() == 1);
        service.stopAll();

        var thrown = outcome.get(10, TimeUnit.SECONDS);
        assertThat(thrown).isInstanceOf(ConversionFailed.class).hasMessage("worker shutting down");
        assertThat(FailurePolicy.classify(thrown).kind()).isEqualTo(FailureKind.TRANSIENT);
        await().atMost(Duration.ofSeconds(5)).until(() -> ffmpegChildren() == 0);
    }

    /** A named pipe nobody writes to: ffmpeg blocks opening it until it is killed. */
    private static String blockingSource(String name) throws IOException, InterruptedException {
        var fifo = storageRoot.resolve("originals/u1/" + name + ".fifo");
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

    @Test
    void aRunBeyondItsMemoryCeilingFailsFinallySayingSo() throws Exception {
        var large = storageRoot.resolve("originals/u1/uhd");
        TestMedia.uhdClip(large);
        service.close();
        service = new ConversionService(
                properties(Duration.ofSeconds(60), DataSize.ofMegabytes(100), DataSize.ofMegabytes(200)), store);
        var operations = new Operations(0, 1, null, null, OutputFormat.MP4, Accuracy.EXACT, true);

        var thrown = catchThrowable(() -> service.convert(job("uhd", "originals/u1/uhd", 2, operations), p -> {}));

        assertThat(thrown).isInstanceOf(ConversionFailed.class).hasMessageContaining("more memory than its ceiling");
        var failure = FailurePolicy.classify(thrown);
        assertThat(failure.kind()).isEqualTo(FailureKind.FINAL);
        assertThat(failure.reason())
                .startsWith("ffmpeg needed more memory than its ceiling of 200 MB (vidcut.worker.ffmpeg-memory-limit)")
                .doesNotContain(storageRoot.toString());
    }

    @Test
    void theSameRunWithinTheDefaultCeilingSucceeds() throws Exception {
        var large = storageRoot.resolve("originals/u1/uhd-ok");
        TestMedia.uhdClip(large);
        var operations = new Operations(0, 1, 1280, null, OutputFormat.MP4, Accuracy.EXACT, true);

        var result = service.convert(job("uhd-ok", "originals/u1/uhd-ok", 2, operations), p -> {});

        assertThat(result.width()).isEqualTo(1280);
    }

    @Test
    void aSourceDamagedAfterTwoSecondsFailsFinallyWithTheAskedAndTheRealLength() throws Exception {
        var damaged = damagedSource("damaged");
        var operations = new Operations(1, 9, null, null, OutputFormat.MP4, Accuracy.EXACT, true);

        var thrown = catchThrowable(() -> service.convert(job("damaged", damaged, 10, operations), p -> {}));

        assertThat(thrown).isInstanceOf(ConversionFailed.class);
        var failure = FailurePolicy.classify(thrown);
        assertThat(failure.kind()).isEqualTo(FailureKind.FINAL);
        assertThat(failure.reason())
                .matches("the result is [0-3]\\.\\d\\d s long but 8\\.00 s were asked: the source is damaged or"
                        + " shorter than it claims");
        assertThat(store.contentTypes)
                .doesNotContainKey(job("damaged", damaged, 10, operations).resultObjectKey());
    }

    @Test
    void aKeyframeCutOfADamagedSourceFailsTooThoughCopiesMayBeAKeyframeIntervalShort() throws Exception {
        var damaged = damagedSource("damaged-copy");
        var operations = new Operations(1, 9, null, null, OutputFormat.MP4, Accuracy.KEYFRAME, false);

        var thrown = catchThrowable(() -> service.convert(job("damaged-copy", damaged, 10, operations), p -> {}));

        assertThat(thrown).isInstanceOf(ConversionFailed.class).hasMessageContaining("but 8.00 s were asked");
        assertThat(FailurePolicy.classify(thrown).kind()).isEqualTo(FailureKind.FINAL);
    }

    /** A 10 s faststart mp4 cut to 30 % of its bytes: the header still claims 10 s, the media ends near 2 s. */
    private static String damagedSource(String name) throws IOException, InterruptedException {
        var key = "originals/u1/" + name;
        var whole = storageRoot.resolve(key + ".whole");
        TestMedia.clip(whole, 10);
        var bytes = Files.readAllBytes(whole);
        Files.write(storageRoot.resolve(key), Arrays.copyOf(bytes, bytes.length * 30 / 100));
        return key;
    }
}
