package org.vidcut.worker.conversion;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.vidcut.contracts.Operations;
import org.vidcut.contracts.OutputFormat;
import org.vidcut.worker.WorkerProperties;

/** Still frames from a 6 s H.264 source with 2 s GOPs and B-frames: the picture at the start, as an image. */
class StillFrameTest {

    private static final String SOURCE = "originals/u1/stills";

    @TempDir
    static Path root;

    @TempDir
    Path workDir;

    private LocalObjectStore store;
    private ConversionService service;

    @BeforeAll
    static void generateSource() throws IOException, InterruptedException {
        Files.createDirectories(root.resolve("originals/u1"));
        TestMedia.gopClip(root.resolve(SOURCE), 6, 0, true);
    }

    @BeforeEach
    void setUp() {
        store = new LocalObjectStore(root);
        service = new ConversionService(
                new WorkerProperties(
                        "still-test",
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
                        Duration.ofHours(1),
                        DataSize.ofGigabytes(2),
                        2,
                        true),
                store);
    }

    @AfterEach
    void tearDown() {
        service.close();
    }

    @Test
    void aPngIsTheSourcePictureAtTheStart() {
        var result = take(new Operations(3.3, 3.3, null, null, OutputFormat.PNG, Accuracy.EXACT, true));

        assertThat(result.videoCodec()).isEqualTo("png");
        assertThat(result.width()).isEqualTo(320);
        assertThat(result.height()).isEqualTo(240);
        assertThat(result.durationSeconds()).isZero();
        assertThat(result.audioCodec()).isNull();
        var source = root.resolve(SOURCE);
        var times = DecodedFrames.timestamps(source);
        var atStart =
                times.indexOf(times.stream().filter(t -> t >= 3.3).findFirst().orElseThrow());
        var picture = DecodedFrames.luma(root.resolve(result.resultObjectKey()), 0);
        assertThat(DecodedFrames.psnr(picture, DecodedFrames.luma(source, atStart)))
                .isGreaterThan(DecodedFrames.psnr(picture, DecodedFrames.luma(source, atStart - 1)))
                .isGreaterThan(DecodedFrames.psnr(picture, DecodedFrames.luma(source, atStart + 1)))
                .isGreaterThan(40);
        assertThat(store.contentTypes).containsEntry(result.resultObjectKey(), "image/png");
    }

    @Test
    void aJpgIsResizedKeepingTheAspectRatio() {
        var result = take(new Operations(0, 0, 160, null, OutputFormat.JPG, Accuracy.EXACT, true));

        assertThat(result.videoCodec()).isEqualTo("mjpeg");
        assertThat(result.width()).isEqualTo(160);
        assertThat(result.height()).isEqualTo(120);
        assertThat(DecodedFrames.decodeErrors(root.resolve(result.resultObjectKey())))
                .isEmpty();
        assertThat(store.contentTypes).containsEntry(result.resultObjectKey(), "image/jpeg");
    }

    @Test
    void aWebpIsOnePicture() {
        var result = take(new Operations(5.5, 5.5, null, 120, OutputFormat.WEBP, Accuracy.EXACT, true));

        assertThat(result.videoCodec()).isEqualTo("webp");
        assertThat(result.width()).isEqualTo(160);
        assertThat(result.height()).isEqualTo(120);
        assertThat(DecodedFrames.timestamps(root.resolve(result.resultObjectKey())))
                .hasSize(1);
        assertThat(store.contentTypes).containsEntry(result.resultObjectKey(), "image/webp");
    }

    private ConversionResult take(Operations operations) {
        var taskId = "still-" + System.nanoTime();
        var job = new ConversionJob(
                taskId,
                1,
                SOURCE,
                "results/u1/" + taskId + "/1." + operations.format().fileExtension(),
                6,
                operations,
                Instant.now());
        return service.convert(job, percent -> {});
    }
}
