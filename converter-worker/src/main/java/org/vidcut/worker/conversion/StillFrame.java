package org.vidcut.worker.conversion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.vidcut.contracts.Operations;
import org.vidcut.contracts.OutputFormat;

/**
 * A still frame: the picture at the task's start as a jpg, png or webp, optionally resized. One ffmpeg run and
 * one ffprobe check, both under the {@link FfmpegRunner}'s time limit, cancellation and memory ceiling.
 */
final class StillFrame {

    private final FfmpegRunner runner;
    private final String ffmpeg;
    private final String ffprobe;

    StillFrame(FfmpegRunner runner, String ffmpeg, String ffprobe) {
        this.runner = runner;
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
    }

    VerifiedOutput take(Operations operations, String input, Path output, Duration timeout, String runKey) {
        runner.capture(command(ffmpeg, operations, input, output), timeout, input, runKey);
        var size = size(output);
        var stream = runner
                .capture(
                        List.of(
                                ffprobe,
                                "-v",
                                "error",
                                "-show_entries",
                                "stream=codec_name,width,height",
                                "-of",
                                "compact",
                                output.toString()),
                        timeout,
                        null,
                        runKey)
                .stream()
                .flatMap(line -> CompactLine.parse(line).stream())
                .filter(line -> line.section().equals("stream"))
                .findFirst()
                .orElseThrow(() -> ConversionFailed.outputRejected("the picture cannot be read back by ffprobe"));
        var width = stream.number("width");
        var height = stream.number("height");
        if (!(width > 0 && height > 0)) {
            throw ConversionFailed.outputRejected("the picture has no size");
        }
        var start = operations.startSeconds();
        return new VerifiedOutput(size, 0, (int) width, (int) height, stream.text("codec_name"), null, start, start);
    }

    /** The ffmpeg arguments: input seeking decodes from the keyframe before the start and keeps the exact picture. */
    static List<String> command(String ffmpeg, Operations operations, String input, Path output) {
        var args = new ArrayList<>(List.of(ffmpeg, "-nostdin", "-hide_banner", "-v", "error", "-y"));
        args.addAll(SourceOptions.of(input));
        if (operations.startSeconds() > 0) {
            args.addAll(List.of("-ss", SmartTrim.exact(operations.startSeconds())));
        }
        args.addAll(List.of("-i", input, "-map", "0:v:0", "-frames:v", "1"));
        if (operations.resizes()) {
            args.addAll(
                    List.of("-vf", "scale=" + dimension(operations.width()) + ":" + dimension(operations.height())));
        }
        args.addAll(encoding(operations.format()));
        args.add(output.toString());
        return args;
    }

    private static List<String> encoding(OutputFormat format) {
        return switch (format) {
            case JPG -> List.of("-c:v", "mjpeg", "-q:v", "2", "-pix_fmt", "yuvj420p", "-f", "image2", "-update", "1");
            case PNG -> List.of("-c:v", "png", "-f", "image2", "-update", "1");
            case WEBP -> List.of("-c:v", "libwebp", "-quality", "85", "-f", "webp");
            default -> throw ConversionFailed.jobInvalid("invalid job: " + format.id() + " is not a still frame");
        };
    }

    private static String dimension(Integer pixels) {
        return pixels == null ? "-2" : Integer.toString(pixels);
    }

    private static long size(Path output) {
        try {
            var size = Files.isRegularFile(output) ? Files.size(output) : 0;
            if (size == 0) {
                // a start past the last picture decodes nothing and ffmpeg still exits 0
                throw ConversionFailed.outputRejected("ffmpeg produced no picture: is start_time past the last frame?");
            }
            return size;
        } catch (IOException e) {
            throw ConversionFailed.outputRejected("the output file cannot be read");
        }
    }
}
