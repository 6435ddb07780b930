package org.vidcut.worker.conversion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidcut.contracts.Accuracy;
import org.vidcut.contracts.Operations;
import org.vidcut.contracts.OutputFormat;
import org.vidcut.contracts.ProbedMedia;

/**
 * A frame-exact trim that re-encodes only the partial GOPs at both ends and copies the pictures between the
 * first and the last keyframe in range (docs/decisions.md, "Smart exact trims"). The parts are written as MPEG-TS
 * (Annex B, parameter sets in band, so the edges need not share the source's SPS/PPS byte for byte) and joined
 * by the concat demuxer without a re-encode; the audio of the exact range is added in the same step. An
 * end on a keyframe leaves no tail to re-encode (a start on one, no head). The source's header is not read here:
 * its coding comes from the worker's one probe of it ({@link SourceVideo}).
 * Every ffmpeg and ffprobe run goes through the {@link FfmpegRunner}: one deadline, cancellation and the memory
 * ceiling hold for each. Any check that fails throws {@link SmartTrimRefused}; the caller then re-encodes.
 */
final class SmartTrim {

    private static final Logger log = LoggerFactory.getLogger(SmartTrim.class);

    /** A re-encode's seeks land this far before a picture, so that rounding cannot drop it. */
    private static final double SEEK_MARGIN = 0.0005;

    /** Around each join this much of the result is decoded to prove the join is clean. */
    private static final double JOIN_CHECK_SECONDS = 1;

    private final FfmpegRunner runner;
    private final SmartTrimSteps steps;
    private final MediaInspector inspector;

    SmartTrim(FfmpegRunner runner, SmartTrimSteps steps, MediaInspector inspector) {
        this.runner = runner;
        this.steps = steps;
        this.inspector = inspector;
    }

    /** Whether the task only trims: no resize and a container that holds the source's H.264 as it is. */
    static boolean applies(Operations operations) {
        var format = operations.format();
        return operations.accuracy() == Accuracy.EXACT
                && !operations.reencode()
                && !operations.resizes()
                && (format == OutputFormat.MP4 || format == OutputFormat.MOV || format == OutputFormat.MKV);
    }

    /**
     * Writes the trimmed result to {@code output}.
     *
     * @return the result as ffprobe read it for the checks: what is verified and reported, without reading it again
     * @throws SmartTrimRefused when the source or range does not fit or the joined result does not check out
     */
    ProbedMedia trim(
            Operations operations, SourceFacts facts, String input, Path output, Duration timeout, String runKey) {
        var deadline = new Deadline(Instant.now().plus(timeout), timeout);
        var source = facts.video();
        source.unsupported().ifPresent(reason -> {
            throw new SmartTrimRefused(reason);
        });
        var start = source.formatStart() + operations.startSeconds();
        var end = source.formatStart() + operations.endSeconds();
        var probe = facts.probe();
        var index =
                probe != null && probe.has("packets") && PacketWindow.coversSmartTrim(operations, source.formatStart())
                        ? KeyframeIndex.of(probe, source.streamIndex())
                        : KeyframeIndex.of(capture(steps.packets(input, start, end + 1), deadline, input, runKey));
        var cut = index.cut(start, end);
        var parts = output.resolveSibling(output.getFileName() + ".parts");
        try {
            Files.createDirectories(parts);
            var list = new ArrayList<String>(List.of("ffconcat version 1.0"));
            if (cut.headFrames() > 0) {
                encode(input, source, cut.firstPicture(), cut.headFrames(), parts.resolve("head.ts"), deadline, runKey);
                list.addAll(List.of("file head.ts", "duration " + exact(cut.firstKeyframe() - cut.firstPicture())));
            }
            var middle = relative(source, cut.firstKeyframe());
            capture(steps.copy(input, middle, cut.middleFrames(), parts.resolve("middle.ts")), deadline, input, runKey);
            list.add("file middle.ts");
            if (cut.tailFrames() > 0) {
                encode(input, source, cut.lastKeyframe(), cut.tailFrames(), parts.resolve("tail.ts"), deadline, runKey);
                list.addAll(List.of("duration " + exact(cut.lastKeyframe() - cut.firstKeyframe()), "file tail.ts"));
            }
            var concat = parts.resolve("parts.ffconcat");
            Files.write(concat, list);
            capture(steps.join(concat, input, operations, source, output), deadline, input, runKey);
            var shown = check(output, cut, deadline, runKey);
            log.info(
                    "smart trim: {} + {} + {} pictures (re-encoded, copied, re-encoded)",
                    cut.headFrames(),
                    cut.middleFrames(),
                    cut.tailFrames());
            return shown;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(parts);
        }
    }

    /** Re-encodes {@code frames} pictures from the one at {@code from} (absolute) into {@code part}. */
    private void encode(
            String input, SourceVideo source, double from, int frames, Path part, Deadline deadline, String runKey) {
        var seek = relative(source, from) - SEEK_MARGIN;
        capture(steps.encode(input, seek, frames, source, part), deadline, input, runKey);
    }

    /**
     * The joined result has every picture once, in order, and decodes without an error from its start and around
     * the join before a re-encoded tail: one ffprobe run lists the packets, one ffmpeg run decodes both windows.
     */
    private ProbedMedia check(Path output, KeyframeIndex.SmartCut cut, Deadline deadline, String runKey) {
        deadline.remaining();
        var probe = inspector.describeWithPackets(output.toString());
        var shown = probe == null ? null : ProbedMedia.of(probe);
        if (shown == null || !shown.hasVideo()) {
            throw new SmartTrimRefused("the joined result cannot be read back");
        }
        var pictures = KeyframeIndex.of(probe, shown.videoIndex()).packets();
        var distinct = pictures.stream()
                .mapToDouble(KeyframeIndex.Packet::pts)
                .distinct()
                .count();
        if (pictures.size() != cut.frames() || distinct != cut.frames()) {
            throw new SmartTrimRefused("the joined result has " + pictures.size() + " pictures (" + distinct
                    + " distinct), not " + cut.frames());
        }
        // the first window holds the first picture and the join after a re-encoded head
        var windows = new ArrayList<SmartTrimSteps.Window>();
        windows.add(new SmartTrimSteps.Window(0, cut.firstKeyframe() - cut.firstPicture() + JOIN_CHECK_SECONDS));
        if (cut.tailFrames() > 0) {
            var secondJoin = cut.lastKeyframe() - cut.firstPicture();
            windows.add(new SmartTrimSteps.Window(Math.max(0, secondJoin - JOIN_CHECK_SECONDS), Double.NaN));
        }
        var errors = capture(steps.decode(output, windows), deadline, null, runKey);
        if (!errors.isEmpty()) {
            throw new SmartTrimRefused("the joined result does not decode cleanly: " + errors.get(0));
        }
        return shown;
    }

    private List<String> capture(List<String> command, Deadline deadline, String input, String runKey) {
        try {
            return runner.capture(command, deadline.remaining(), input, runKey);
        } catch (ConversionFailed e) {
            // a timed-out step reports the trim's whole limit; a failed one leaves the range to the full re-encode
            if (e.outcome() == ConversionMetrics.Outcome.TIMEOUT) {
                throw ConversionFailed.timedOut(deadline.limit());
            }
            if (e.outcome() == ConversionMetrics.Outcome.FAILED) {
                throw new SmartTrimRefused("a step failed: " + e.getMessage());
            }
            throw e;
        }
    }

    /** A source timestamp as ffmpeg's {@code -ss} counts it: from the container's start. */
    private static double relative(SourceVideo source, double absolute) {
        return absolute - source.formatStart();
    }

    static String exact(double seconds) {
        return String.format(Locale.ROOT, "%.6f", seconds);
    }

    private static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (var file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", directory, e.toString());
        }
    }

    /** All steps of one trim share the job's time limit. */
    private record Deadline(Instant at, Duration limit) {

        Duration remaining() {
            var left = Duration.between(Instant.now(), at);
            if (left.isNegative() || left.isZero()) {
                throw ConversionFailed.timedOut(limit);
            }
            return left;
        }
    }
}
