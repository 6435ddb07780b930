package org.vidcut.worker.conversion;

import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.bramp.ffmpeg.FFprobe;
import net.bramp.ffmpeg.probe.FFmpegProbeResult;
import net.bramp.ffmpeg.probe.FFmpegStream;
import net.bramp.ffmpeg.shared.CodecType;
import org.vidcut.contracts.OutputFormat;

/**
 * Checks a result with ffprobe before it is stored: ffmpeg can exit 0 and leave an empty or truncated file
 * (an input it could not read, the {@code -fs} size limit), so the exit code alone proves nothing.
 */
final class OutputVerifier {

    /** One instance for all runs: the wrapper checks {@code ffprobe -version} once per instance. */
    private final FFprobe ffprobe;

    OutputVerifier(String ffprobePath) {
        this.ffprobe = new FFprobe(ffprobePath, OutputVerifier::start);
    }

    VerifiedOutput verify(Path file, OutputFormat format, long maxBytes) {
        long size;
        try {
            size = Files.isRegularFile(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new OutputRejected("the output file cannot be read");
        }
        if (size == 0) {
            throw new OutputRejected("ffmpeg produced no output");
        }
        if (size >= maxBytes) {
            // -fs stops writing at the limit and ffmpeg still exits 0
            throw new OutputRejected("the output would be larger than the limit of " + maxBytes + " bytes");
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
            throw new OutputRejected("the output has no video stream");
        }
        if (!format.hasVideo() && audio == null) {
            throw new OutputRejected("the output has no audio stream");
        }
        var duration = duration(probe.getFormat() == null ? 0 : probe.getFormat().duration, streams);
        if (!(duration > 0)) {
            throw new OutputRejected("the output has no duration");
        }
        return new VerifiedOutput(
                size,
                duration,
                video == null ? null : video.width,
                video == null ? null : video.height,
                video == null ? null : video.codec_name,
                audio == null || !format.hasAudio() ? null : audio.codec_name);
    }

    private FFmpegProbeResult probe(Path file) {
        FFmpegProbeResult result;
        try {
            result = ffprobe.probe(file.toString());
        } catch (IOException | JsonParseException e) {
            throw new OutputRejected("the output cannot be read back by ffprobe");
        }
        if (result.getError() != null) {
            throw new OutputRejected(
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
            throw new FfmpegUnavailable("ffprobe cannot be started: " + e.getMessage(), e);
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
