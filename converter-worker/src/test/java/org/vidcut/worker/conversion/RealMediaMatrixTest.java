package org.vidcut.worker.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.vidcut.contracts.Accuracy;
import org.vidcut.contracts.Operations;
import org.vidcut.contracts.OutputFormat;
import org.vidcut.contracts.ProbedMedia;
import org.vidcut.contracts.Track;
import org.vidcut.worker.conversion.MediaCorpus.Sample;

/**
 * The main operations (keyframe trim, exact trim, resize, webm) over the whole {@link MediaCorpus}, each result
 * measured with ffprobe: displayed size, frame count against the source's, duration, first frame at 0, tracks,
 * and a decode without a single error.
 */
class RealMediaMatrixTest {

    private static final String ORIGINALS = "originals";
    private static final double DURATION_TOLERANCE = 0.15;
    private static final int FRAME_TOLERANCE = 2;
    private static final int RESIZED_WIDTH = 160;

    @TempDir
    static Path storageRoot;

    @TempDir
    static Path workDir;

    private static ConversionService service;

    /** One operation as a task would ask it of a sample. */
    record Operation(String name, Function<Sample, Operations> plan) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Operation KEYFRAME_TRIM = new Operation(
            "keyframe trim",
            s -> new Operations(
                    s.seconds() * 0.4, s.seconds() * 0.9, null, null, s.format(), Accuracy.KEYFRAME, false));
    static final Operation EXACT_TRIM = new Operation(
            "exact trim",
            s -> new Operations(s.seconds() * 0.25, s.seconds() * 0.75, null, null, s.format(), Accuracy.EXACT, true));
    static final Operation RESIZE = new Operation(
            "resize to mp4",
            s -> new Operations(0, s.seconds(), RESIZED_WIDTH, null, OutputFormat.MP4, Accuracy.EXACT, true));
    static final Operation WEBM = new Operation(
            "webm", s -> new Operations(0, s.seconds(), null, null, OutputFormat.WEBM, Accuracy.EXACT, true));

    @BeforeAll
    static void generateCorpus() throws IOException, InterruptedException {
        var originals = Files.createDirectories(storageRoot.resolve(ORIGINALS));
        MediaCorpus.generate(originals, MediaCorpus.available());
        service = MediaChecks.service(storageRoot, workDir);
    }

    @AfterAll
    static void stopService() {
        service.close();
    }

    static Stream<Arguments> matrix() throws IOException, InterruptedException {
        var cases = new ArrayList<Arguments>();
        for (var sample : MediaCorpus.available()) {
            if (sample.copyable()) {
                cases.add(Arguments.of(sample, KEYFRAME_TRIM));
            }
            cases.add(Arguments.of(sample, EXACT_TRIM));
            cases.add(Arguments.of(sample, RESIZE));
            cases.add(Arguments.of(sample, WEBM));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{1} of {0}")
    @MethodSource("matrix")
    void convertsEveryKindOfRealMedia(Sample sample, Operation operation) throws IOException, InterruptedException {
        var sourceKey = ORIGINALS + "/" + sample.file();
        var sourceFile = storageRoot.resolve(sourceKey);
        var source = MediaChecks.describe(sourceFile);
        var operations = operation.plan().apply(sample);
        var taskId = (sample.file() + "-" + operation.name()).replaceAll("[^A-Za-z0-9]", "-");

        var result = service.convert(MediaChecks.job(taskId, sourceKey, sample.seconds(), operations), p -> {});

        var output = storageRoot.resolve(result.resultObjectKey());
        var shown = MediaChecks.describe(output);
        assertThat(MediaChecks.decodeErrors(output))
                .as("ffmpeg -v error while decoding")
                .isEmpty();
        assertThat(source.durationSeconds()).as("the source's duration").isCloseTo(sample.seconds(), within(0.1));

        // counted like -ss, from the source's first timestamp
        var sourcePackets = MediaChecks.videoPackets(sourceFile).stream()
                .map(p -> new MediaChecks.Packet(p.seconds() - source.startSeconds(), p.keyframe()))
                .toList();
        double from = operations.startSeconds();
        if (operation == KEYFRAME_TRIM) {
            from = sourcePackets.stream()
                    .filter(p -> p.keyframe() && p.seconds() <= operations.startSeconds() + 1e-6)
                    .mapToDouble(MediaChecks.Packet::seconds)
                    .max()
                    .orElse(0);
            assertThat(result.startSeconds()).as("where the cut begins").isCloseTo(Math.max(0, from), within(0.05));
        }
        double to = operations.endSeconds();
        assertThat(result.durationSeconds())
                .as("duration")
                .isCloseTo(to - Math.max(0, from), within(DURATION_TOLERANCE));
        assertThat(shown.durationSeconds()).as("duration read back").isCloseTo(result.durationSeconds(), within(0.05));

        assertDisplaySize(operations, source, shown, result);
        assertFrames(operations, sourcePackets, MediaChecks.videoPackets(output), Math.max(0, from), to);
        assertTracks(operations, source, shown, result);
    }

    private static void assertDisplaySize(
            Operations operations, ProbedMedia source, ProbedMedia shown, ConversionResult result) {
        assertThat(result.width()).as("reported width").isEqualTo(shown.width());
        assertThat(result.height()).as("reported height").isEqualTo(shown.height());
        if (operations.resizes()) {
            int height = (int) Math.round((double) RESIZED_WIDTH * source.height() / source.width() / 2) * 2;
            assertThat(shown.width()).as("width").isEqualTo(RESIZED_WIDTH);
            assertThat(shown.height()).as("height").isCloseTo(height, within(2));
        } else {
            assertThat(shown.width()).as("width").isCloseTo(source.width(), within(2));
            assertThat(shown.height()).as("height").isCloseTo(source.height(), within(2));
        }
    }

    private static void assertFrames(
            Operations operations,
            List<MediaChecks.Packet> source,
            List<MediaChecks.Packet> output,
            double from,
            double to) {
        assertThat(output).as("picture packets").isNotEmpty();
        assertThat(output.get(0).seconds()).as("first frame's time").isCloseTo(0, within(0.05));
        long expected = operations.format() == OutputFormat.GIF
                ? Math.round((to - from) * FfmpegCommand.GIF_FRAME_RATE)
                : source.stream()
                        .filter(p -> p.seconds() >= from - 1e-3 && p.seconds() < to - 1e-3)
                        .count();
        assertThat((long) output.size()).as("frames").isCloseTo(expected, within((long) FRAME_TOLERANCE));
    }

    private static void assertTracks(
            Operations operations, ProbedMedia source, ProbedMedia shown, ConversionResult result) {
        var format = operations.format();
        var copies = FfmpegCommand.streamCopies(operations);
        long audio = format.hasAudio()
                ? source.tracks(Track.AUDIO).stream()
                        .filter(t -> !copies || StreamMapping.fits(format, t.codec()))
                        .count()
                : 0;
        long subtitles = source.tracks(Track.SUBTITLE).stream()
                .filter(t -> StreamMapping.subtitleCodec(format, t.codec()) != null)
                .count();
        assertThat(shown.tracks(Track.VIDEO)).as("picture tracks").hasSize(1);
        assertThat(shown.tracks(Track.AUDIO)).as("sound tracks").hasSize((int) audio);
        assertThat(shown.tracks(Track.SUBTITLE)).as("subtitle tracks").hasSize((int) subtitles);
        assertThat(result.tracks()).as("reported tracks").isEqualTo(shown.tracks());
    }
}
