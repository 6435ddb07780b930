package org.vidcut.worker.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidcut.contracts.Accuracy;
import org.vidcut.contracts.Operations;
import org.vidcut.contracts.OutputFormat;
import org.vidcut.contracts.Track;
import org.vidcut.worker.conversion.MediaCorpus.Sample;

/** One test for each thing real phones, cameras and broadcast once did wrong to a cut (issue 16). */
class RealMediaTest {

    @TempDir
    static Path storageRoot;

    @TempDir
    static Path workDir;

    private static ConversionService service;

    @BeforeAll
    static void generate() throws IOException, InterruptedException {
        MediaCorpus.generate(
                Files.createDirectories(storageRoot.resolve("originals")),
                List.of(
                        MediaCorpus.ROTATED_90,
                        MediaCorpus.INTERLACED,
                        MediaCorpus.NON_SQUARE,
                        MediaCorpus.TRANSPORT_STREAM,
                        MediaCorpus.VARIABLE_RATE,
                        MediaCorpus.MULTI_TRACK));
        service = MediaChecks.service(storageRoot, workDir);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static ConversionResult convert(String taskId, Sample sample, Operations operations) {
        return service.convert(
                MediaChecks.job(taskId, "originals/" + sample.file(), sample.seconds(), operations), p -> {});
    }

    private static Path stored(ConversionResult result) {
        return storageRoot.resolve(result.resultObjectKey());
    }

    private static Operations exact(double start, double end, Integer width, OutputFormat format) {
        return new Operations(start, end, width, null, format, Accuracy.EXACT, true);
    }

    @Test
    void aKeyframeTrimOfARotatedPhoneVideoReportsItsDisplayedSizeAndRotation() {
        var keyframe = convert(
                "rotated-keyframe",
                MediaCorpus.ROTATED_90,
                new Operations(0.5, 1.5, null, null, OutputFormat.MP4, Accuracy.KEYFRAME, false));
        var exact = convert("rotated-exact", MediaCorpus.ROTATED_90, exact(0.5, 1.5, null, OutputFormat.MP4));

        assertThat(List.of(keyframe.width(), keyframe.height(), keyframe.rotation()))
                .containsExactly(180, 320, 90);
        // re-encoded upright: the same size on screen, nothing left for players to turn
        assertThat(List.of(exact.width(), exact.height())).containsExactly(180, 320);
        assertThat(exact.rotation()).isNull();
    }

    @Test
    void deinterlacesAnInterlacedSourceWhenReencoding() throws IOException, InterruptedException {
        var mp4 = convert("interlaced-mp4", MediaCorpus.INTERLACED, exact(0.5, 1.5, null, OutputFormat.MP4));
        var webm = convert("interlaced-webm", MediaCorpus.INTERLACED, exact(0.5, 1.5, null, OutputFormat.WEBM));

        // idet takes a few frames of the moving test pattern for interlaced; kept combed, it finds all 25
        assertThat(MediaChecks.interlacedFrames(stored(mp4))).isLessThanOrEqualTo(5);
        assertThat(MediaChecks.interlacedFrames(stored(webm))).isLessThanOrEqualTo(5);
        assertThat(MediaChecks.videoPackets(stored(mp4))).hasSize(25);
    }

    @Test
    void aResizeOfNonSquarePixelsGivesSquarePixelsInTheDisplayedShape() throws IOException, InterruptedException {
        // 320x240 stored with 4:3 pixels shows 427x240
        var resized = convert("non-square-resize", MediaCorpus.NON_SQUARE, exact(0, 1, 320, OutputFormat.MP4));
        var gif = convert("non-square-gif", MediaCorpus.NON_SQUARE, exact(0, 1, null, OutputFormat.GIF));

        assertThat(List.of(resized.width(), resized.height())).containsExactly(320, 180);
        assertThat(MediaChecks.sampleAspectRatio(stored(resized))).isEqualTo("1:1");
        assertThat(List.of(gif.width(), gif.height())).containsExactly(427, 240);
    }

    @Test
    void aKeyframeTrimOfMpegTsBeginsThePictureAtTheCut() throws IOException, InterruptedException {
        // keyframes every 2 s: a cut asked from 1.2 s begins on the one at 0 and says so
        var result = convert(
                "ts-keyframe",
                MediaCorpus.TRANSPORT_STREAM,
                new Operations(1.2, 2.9, null, null, OutputFormat.MP4, Accuracy.KEYFRAME, false));

        var packets = MediaChecks.videoPackets(stored(result));
        assertThat(packets.get(0).seconds()).isCloseTo(0, within(0.01));
        assertThat(packets.get(0).keyframe()).isTrue();
        assertThat(result.startSeconds()).isCloseTo(0, within(0.05));
        assertThat(result.durationSeconds()).isCloseTo(2.9, within(0.1));
    }

    @Test
    void keepsAVariableFrameRateWithoutDuplicatingFrames() throws IOException, InterruptedException {
        // 24 fps for a second, then 60 fps: 84 frames, which a constant 120 fps would turn into 240
        var result = convert("vfr", MediaCorpus.VARIABLE_RATE, exact(0, 2, null, OutputFormat.MP4));

        assertThat((long) MediaChecks.videoPackets(stored(result)).size()).isCloseTo(84, within(2L));
    }

    @Test
    void keepsEverySoundTrackAndTheSubtitlesTheContainerCanCarry() {
        var formats = List.of(OutputFormat.MP4, OutputFormat.MKV, OutputFormat.WEBM, OutputFormat.MOV);
        for (var format : formats) {
            var accuracy = format == OutputFormat.MOV ? Accuracy.KEYFRAME : Accuracy.EXACT;
            var result = convert(
                    "tracks-" + format.id(),
                    MediaCorpus.MULTI_TRACK,
                    new Operations(0, 2, null, null, format, accuracy, accuracy == Accuracy.EXACT));

            var tracks = result.tracks();
            assertThat(tracks)
                    .extracting(Track::type)
                    .as(format.id())
                    .containsExactly(Track.VIDEO, Track.AUDIO, Track.AUDIO, Track.SUBTITLE);
            assertThat(tracks.get(2).language()).as(format.id()).isEqualTo("fra");
            assertThat(tracks.get(3).codec())
                    .as(format.id())
                    .isEqualTo(
                            switch (format) {
                                case MKV -> "subrip";
                                case WEBM -> "webvtt";
                                default -> "mov_text";
                            });
        }
    }
}
