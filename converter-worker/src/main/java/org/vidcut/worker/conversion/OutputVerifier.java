package org.vidcut.worker.conversion;

import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import net.bramp.ffmpeg.FFprobe;
import net.bramp.ffmpeg.builder.FFprobeBuilder;
import net.bramp.ffmpeg.probe.FFmpegPacket;
import net.bramp.ffmpeg.probe.FFmpegProbeResult;
import net.bramp.ffmpeg.probe.FFmpegStream;
import net.bramp.ffmpeg.shared.CodecType;
import org.vidcut.contracts.Operations;

/**
 * Checks a result with ffprobe before it is stored: ffmpeg can exit 0 and leave an empty or truncated file
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

    /** One instance for all runs: the wrapper checks {@code ffprobe -version} once per instance. */
    private final FFprobe ffprobe;

    OutputVerifier(String ffprobePath) {
        this.ffprobe = new FFprobe(ffprobePath, OutputVerifier::start);
    }

    VerifiedOutput verify(Path file, Operations operations, long maxBytes) {
        return verify(file, operations, maxBytes, null);
    }

    /**
     * @param contentSeconds how long the picture and sound last, when known: a subtitle running past the cut
     *     makes the container longer than its content
     */
    VerifiedOutput verify(Path file, Operations operations, long maxBytes, Double contentSeconds) {
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
        var probe = probe(file);
        var streams = probe.getStreams() == null ? List.<FFmpegStream>of() : probe.getStreams();
        var video = streams.stream()
                .filter(s -> s.codec_type == CodecType.VIDEO)
                .findFirst()
                .orElse(null);
        var audio = streams.stream()
                .filter(s -> s.codec_type == CodecType.AUDIO)
                .findFirst()
                .orElse(null);
        if (format.hasVideo() && video == null) {
            throw ConversionFailed.outputRejected("the output has no video stream");
        }
        if (!format.hasVideo() && audio == null) {
            throw ConversionFailed.outputRejected("the output has no audio stream");
        }
        var duration = contentSeconds != null && contentSeconds > 0
                ? contentSeconds
                : duration(probe.getFormat() == null ? 0 : probe.getFormat().duration, streams);
        if (!(duration > 0)) {
            throw ConversionFailed.outputRejected("the output has no duration");
        }
        double start;
        double end;
        if (FfmpegCommand.streamCopies(operations)) {
            var interval = video == null ? 0 : keyframeInterval(file, duration);
            requireLength(duration, operations.outputSeconds(), Math.max(EXACT_TOLERANCE_SECONDS, interval));
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
                video == null ? null : video.width,
                video == null ? null : video.height,
                video == null ? null : video.codec_name,
                audio == null || !format.hasAudio() ? null : audio.codec_name,
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

    /**
     * The largest gap between keyframes in the first minutes of the result's video. With fewer than two
     * keyframes there, the interval is at least the span read.
     */
    private double keyframeInterval(Path file, double duration) {
        var span = Math.min(duration, KEYFRAME_SCAN_SECONDS);
        List<FFmpegPacket> packets;
        try {
            var result = ffprobe.probe(new FFprobeBuilder()
                    .setShowFormat(false)
                    .setShowStreams(false)
                    .setShowChapters(false)
                    .setShowPackets(true)
                    .setInput(file)
                    .addExtraArgs("-select_streams", "v:0", "-read_intervals", "%+" + (long) KEYFRAME_SCAN_SECONDS));
            packets = result.getPackets() == null ? List.of() : result.getPackets();
        } catch (IOException | JsonParseException e) {
            return span;
        }
        double previous = Double.NaN;
        double largest = 0;
        int keyframes = 0;
        for (var packet : packets) {
            if (packet.flags != null && packet.flags.contains("K")) {
                if (keyframes++ > 0) {
                    largest = Math.max(largest, packet.pts_time - previous);
                }
                previous = packet.pts_time;
            }
        }
        return keyframes < 2 ? span : largest;
    }

    private static double millis(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }

    private FFmpegProbeResult probe(Path file) {
        FFmpegProbeResult result;
        try {
            result = ffprobe.probe(file.toString());
        } catch (IOException | JsonParseException e) {
            throw ConversionFailed.outputRejected("the output cannot be read back by ffprobe");
        }
        if (result.getError() != null) {
            throw ConversionFailed.outputRejected(
                    "the output cannot be read back: " + result.getError().getString());
        }
        return result;
    }

    private static Process start(List<String> args) {
        try {
            return new ProcessBuilder(args)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw ConversionFailed.ffmpegUnavailable(e);
        }
    }

    /** WebM and Matroska streams carry no duration of their own: the container's counts first. */
    private static double duration(double formatDuration, List<FFmpegStream> streams) {
        if (formatDuration > 0) {
            return formatDuration;
        }
        return streams.stream().mapToDouble(s -> s.duration).max().orElse(0);
    }
}
