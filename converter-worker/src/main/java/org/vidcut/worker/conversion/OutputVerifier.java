package org.vidcut.worker.conversion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.vidcut.contracts.Operations;
import org.vidcut.contracts.ProbedMedia;
import org.vidcut.contracts.Track;

/**
 * Checks a result before it is stored, from the one ffprobe run that also tells how it shows on screen: ffmpeg can exit 0 and leave an empty or truncated file
 * (an input it could not read, the {@code -fs} size limit), or a file shorter than asked (a source damaged or
 * shorter than its header claims), so the exit code alone proves nothing. It also works out where the cut
 * really lies in the source: an exact cut starts where asked; a stream copy starts at the keyframe at or before
 * the asked start and ends where asked, so its start is the asked end minus the result's length.
 */
final class OutputVerifier {

    /** An exact cut may be this much shorter than asked (the last frame's or audio packet's rounding). */
    static final double EXACT_TOLERANCE_SECONDS = 0.5;

    /** How much of a stream copy's video is read to find its keyframe interval (GOPs are regular). */
    private static final double KEYFRAME_SCAN_SECONDS = 120;

    private final MediaInspector inspector;

    OutputVerifier(MediaInspector inspector) {
        this.inspector = inspector;
    }

    /**
     * @param shown what the one ffprobe run over the result read ({@link MediaInspector#describe}), null when it
     *     could not read it; its duration is the picture's and sound's, so a subtitle running past the cut does
     *     not make the result look longer than its content
     */
    VerifiedOutput verify(Path file, Operations operations, long maxBytes, @Nullable ProbedMedia shown) {
        var format = operations.format();
        long size;
        try {
            size = Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw ConversionFailed.outputRejected("the output file cannot be read");
        }
        if (size == 0) {
            throw ConversionFailed.outputRejected("ffmpeg produced no output");
        }
        if (size >= maxBytes) {
            // -fs stops writing at the limit and ffmpeg still exits 0
            throw ConversionFailed.outputRejected(
                    "the output would be larger than the limit of " + maxBytes + " bytes");
        }
        if (shown == null) {
            throw ConversionFailed.outputRejected("the output cannot be read back by ffprobe");
        }
        var video = shown.tracks(Track.VIDEO).stream().findFirst().orElse(null);
        var audio = shown.tracks(Track.AUDIO).stream().findFirst().orElse(null);
        if (format.hasVideo() && video == null) {
            throw ConversionFailed.outputRejected("the output has no video stream");
        }
        if (!format.hasVideo() && audio == null) {
            throw ConversionFailed.outputRejected("the output has no audio stream");
        }
        var duration = shown.durationSeconds();
        if (!(duration > 0)) {
            throw ConversionFailed.outputRejected("the output has no duration");
        }
        double start;
        double end;
        if (FfmpegCommand.streamCopies(operations)) {
            var tolerance = EXACT_TOLERANCE_SECONDS;
            if (video != null && duration < operations.outputSeconds() - tolerance) {
                // only a result that looks short costs the read of its keyframes (one more ffprobe run)
                var span = Math.min(duration, KEYFRAME_SCAN_SECONDS);
                tolerance = Math.max(tolerance, inspector.keyframeInterval(file.toString(), span));
            }
            requireLength(duration, operations.outputSeconds(), tolerance);
            end = operations.endSeconds();
            start = Math.max(0, end - duration);
        } else {
            requireLength(duration, operations.outputSeconds(), EXACT_TOLERANCE_SECONDS);
            start = operations.startSeconds();
            end = start + duration;
        }
        return new VerifiedOutput(
                size,
                duration,
                shown.width(),
                shown.height(),
                video == null ? null : video.codec(),
                audio == null || !format.hasAudio() ? null : audio.codec(),
                millis(start),
                millis(end));
    }

    private static void requireLength(double real, double asked, double tolerance) {
        if (real < asked - tolerance) {
            throw ConversionFailed.outputRejected(String.format(
                    Locale.ROOT,
                    "the result is %.2f s long but %.2f s were asked: the source is damaged or shorter than it claims",
                    real,
                    asked));
        }
    }

    private static double millis(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
