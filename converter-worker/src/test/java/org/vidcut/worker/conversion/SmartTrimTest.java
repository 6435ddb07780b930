package org.vidcut.worker.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import org.vidcut.contracts.Accuracy;
import org.vidcut.contracts.ConversionJob;
import org.vidcut.contracts.Operations;
import org.vidcut.contracts.OutputFormat;
import org.vidcut.contracts.TrimMethod;
import org.vidcut.worker.WorkerProperties;

/**
 * Smart exact trims read over HTTP with Range, as from a presigned URL, on 12 s sources with 2 s closed GOPs and
 * B-frames: the result must be indistinguishable from a frame-exact cut (every picture once, the first one the
 * source's picture at the start) and the fallbacks must say {@code reencode}.
 */
class SmartTrimTest {

    private static final double FRAME = 0.04;
    private static final double AAC_FRAME = 0.024;
    private static final String WITH_AUDIO = "originals/u1/late-start";
    private static final String SILENT = "originals/u1/silent";
    private static final String NOT_H264 = "originals/u1/mpeg4";

    @TempDir
    static Path root;

    @TempDir
    Path workDir;

    private static HttpObjectStore store;
    private ConversionService service;

    @BeforeAll
    static void serveSources() throws IOException, InterruptedException {
        Files.createDirectories(root.resolve("originals/u1"));
        TestMedia.gopClip(root.resolve(WITH_AUDIO), 12, 1.5, true);
        TestMedia.gopClip(root.resolve(SILENT), 12, 0, false);
        TestMedia.mpeg4Clip(root.resolve(NOT_H264), 6);
        store = new HttpObjectStore(root);
    }

    @AfterAll
    static void stopServing() {
        store.close();
    }

    @AfterEach
    void tearDown() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void smartTrimOfBFramesWithALateStartIsFrameExact() {
        var result = trim(WITH_AUDIO, 3.3, 9.1, true);

        assertThat(result.method()).isEqualTo(TrimMethod.SMART);
        assertThat(result.audioCodec()).isEqualTo("aac");
        assertFrameExact(WITH_AUDIO, result, 3.3, 9.1);
    }

    @Test
    void theAacSoundOfTheRangeIsCopiedInWholeFramesAndStaysInStep() {
        var result = trim(WITH_AUDIO, 3.3, 9.1, true);

        var output = root.resolve(result.resultObjectKey());
        var copied = DecodedFrames.audioPacketSizes(output);
        assertThat(Collections.indexOfSubList(DecodedFrames.audioPacketSizes(root.resolve(WITH_AUDIO)), copied))
                .as("the result's sound packets, byte for byte a run of the source's")
                .isNotNegative();
        var sound = DecodedFrames.streamTiming(output, "a:0");
        var picture = DecodedFrames.streamTiming(output, "v:0");
        // within one AAC frame (1024 samples: 21 to 23 ms) of the picture, at both ends
        assertThat(sound[0]).isCloseTo(picture[0], within(AAC_FRAME));
        assertThat(sound[0] + sound[1]).isCloseTo(picture[0] + picture[1], within(AAC_FRAME));
    }

    @Test
    void theJoinedResultIsReadOnceForItsChecksItsVerificationAndItsReport() throws IOException {
        var calls = recordFfprobeCalls();
        var operations = new Operations(3.3, 9.1, null, null, OutputFormat.MP4, Accuracy.EXACT, false);

        var result = service.convert(job(WITH_AUDIO, operations), percent -> {});

        assertThat(result.method()).isEqualTo(TrimMethod.SMART);
        assertThat(result.tracks()).isNotEmpty();
        assertThat(calls.runs("originals/", false)).hasSize(1);
    }

    @Test
    void theSourceHeaderAndThePacketsOfAShortRangeAreReadInOneRun() throws IOException {
        var calls = recordFfprobeCalls();
        // the container starts at 1.476 s: within the allowance the first run's window is given
        var operations = new Operations(3.3, 9.1, null, null, OutputFormat.MP4, Accuracy.EXACT, false);

        var result = service.convert(job(WITH_AUDIO, operations), percent -> {});

        assertThat(result.method()).isEqualTo(TrimMethod.SMART);
        assertFrameExact(WITH_AUDIO, result, 3.3, 9.1);
        assertThat(calls.runs("originals/", true)).hasSize(1);
    }

    /** A smart-trimming service whose ffprobe logs every invocation. */
    private RecordingFfprobe recordFfprobeCalls() throws IOException {
        var ffprobe = RecordingFfprobe.in(workDir);
        service = service(true, ffprobe.command().toString());
        return ffprobe;
    }

    @Test
    void smartTrimWithoutAudioIsFrameExact() {
        var result = trim(SILENT, 1.02, 8.5, true);

        assertThat(result.method()).isEqualTo(TrimMethod.SMART);
        assertThat(result.audioCodec()).isNull();
        assertFrameExact(SILENT, result, 1.02, 8.5);
    }

    @Test
    void anEndOnAKeyframeCopiesTheLastGopAndIsFrameExact() {
        // the container starts at 1.476 s (the sound's priming), the keyframe lies at 9.5 s: 8.024 s in
        var result = trim(WITH_AUDIO, 3.3, 8.024, true);

        assertThat(result.method()).isEqualTo(TrimMethod.SMART);
        assertThat(result.audioCodec()).isEqualTo("aac");
        assertFrameExact(WITH_AUDIO, result, 3.3, 8.024);
    }

    @Test
    void aRangeInsideOneGopIsReencoded() {
        var result = trim(SILENT, 4.1, 5.9, true);

        assertThat(result.method()).isEqualTo(TrimMethod.REENCODE);
        assertThat(result.durationSeconds()).isCloseTo(1.8, within(FRAME));
    }

    @Test
    void aSourceCodecThatCannotBeMatchedIsReencoded() {
        var result = trim(NOT_H264, 0.5, 5.5, true);

        assertThat(result.method()).isEqualTo(TrimMethod.REENCODE);
        assertThat(result.videoCodec()).isEqualTo("h264");
    }

    @Test
    void theSettingTurnsSmartTrimsOff() {
        var result = trim(SILENT, 1.02, 8.5, false);

        assertThat(result.method()).isEqualTo(TrimMethod.REENCODE);
    }

    @Test
    void aKeyframeTrimSaysCopy() {
        service = service(true);
        var operations = new Operations(3.3, 9.1, null, null, OutputFormat.MP4, Accuracy.KEYFRAME, false);

        var result = service.convert(job(SILENT, operations), percent -> {});

        assertThat(result.method()).isEqualTo(TrimMethod.COPY);
    }

    private void assertFrameExact(String sourceKey, ConversionResult result, double start, double end) {
        var source = root.resolve(sourceKey);
        var output = root.resolve(result.resultObjectKey());
        assertThat(DecodedFrames.decodeErrors(output)).isEmpty();
        assertThat(result.durationSeconds()).isCloseTo(end - start, within(FRAME));

        var sourceTimes = DecodedFrames.timestamps(source);
        var origin = DecodedFrames.formatStart(source);
        var expected = sourceTimes.stream()
                .filter(t -> t >= origin + start - 0.0001 && t < origin + end - 0.0001)
                .toList();
        var times = DecodedFrames.timestamps(output);
        assertThat(times).hasSameSizeAs(expected);
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 1))
                    .as("gap before picture %d", i)
                    .isCloseTo(FRAME, within(0.001));
        }

        var first = sourceTimes.indexOf(expected.get(0));
        var firstPicture = DecodedFrames.luma(output, 0);
        var exact = DecodedFrames.psnr(firstPicture, DecodedFrames.luma(source, first));
        assertThat(exact)
                .isGreaterThan(DecodedFrames.psnr(firstPicture, DecodedFrames.luma(source, first - 1)))
                .isGreaterThan(DecodedFrames.psnr(firstPicture, DecodedFrames.luma(source, first + 1)))
                .isGreaterThan(35);
        // the copied middle: a copy that began a GOP early kept the count but showed the wrong pictures
        var middle = expected.size() / 2;
        assertThat(DecodedFrames.psnr(DecodedFrames.luma(output, middle), DecodedFrames.luma(source, first + middle)))
                .isGreaterThan(35);
        var last = first + expected.size() - 1;
        assertThat(DecodedFrames.psnr(
                        DecodedFrames.luma(output, expected.size() - 1), DecodedFrames.luma(source, last)))
                .isGreaterThan(35);
    }

    private ConversionResult trim(String sourceKey, double start, double end, boolean smart) {
        service = service(smart);
        var operations = new Operations(start, end, null, null, OutputFormat.MP4, Accuracy.EXACT, false);
        return service.convert(job(sourceKey, operations), percent -> {});
    }

    private ConversionService service(boolean smart) {
        return service(smart, "ffprobe");
    }

    private ConversionService service(boolean smart, String ffprobe) {
        return new ConversionService(
                new WorkerProperties(
                        "smart-test",
                        1,
                        "ffmpeg",
                        ffprobe,
                        workDir,
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(60),
                        Duration.ZERO,
                        DataSize.ofMegabytes(100),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(5),
                        Duration.ofHours(1),
                        DataSize.ofGigabytes(2),
                        2,
                        smart),
                store);
    }

    private static ConversionJob job(String sourceKey, Operations operations) {
        var taskId = "t-" + System.nanoTime();
        return new ConversionJob(
                taskId, 1, sourceKey, "results/u1/" + taskId + "/1.mp4", 12, operations, Instant.now());
    }
}
