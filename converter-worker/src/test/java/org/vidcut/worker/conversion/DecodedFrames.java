package org.vidcut.worker.conversion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What a test learns by decoding a media file with ffmpeg and ffprobe, independently of the worker's code. */
final class DecodedFrames {

    private DecodedFrames() {}

    /** The presentation time of every decoded video frame, in order. */
    static List<Double> timestamps(Path file) {
        var times = new ArrayList<Double>();
        for (var line : output(List.of(
                "ffprobe",
                "-v",
                "error",
                "-select_streams",
                "v:0",
                "-show_entries",
                "frame=pts_time",
                "-of",
                "default=nk=1:nw=1",
                file.toString()))) {
            if (!line.isBlank()) {
                times.add(Double.parseDouble(line.strip()));
            }
        }
        return times;
    }

    /** The byte size of every packet of the first audio stream, in order: a stream copy keeps them as they are. */
    static List<Integer> audioPacketSizes(Path file) {
        return output(List.of(
                        "ffprobe",
                        "-v",
                        "error",
                        "-select_streams",
                        "a:0",
                        "-show_entries",
                        "packet=size",
                        "-of",
                        "default=nk=1:nw=1",
                        file.toString()))
                .stream()
                .filter(line -> !line.isBlank())
                .map(line -> Integer.parseInt(line.strip()))
                .toList();
    }

    /** A stream's {@code start_time} and {@code duration} in seconds ({@code a:0}, {@code v:0}). */
    static double[] streamTiming(Path file, String stream) {
        var lines = output(List.of(
                "ffprobe",
                "-v",
                "error",
                "-select_streams",
                stream,
                "-show_entries",
                "stream=start_time,duration",
                "-of",
                "default=nk=1:nw=1",
                file.toString()));
        return new double[] {
            Double.parseDouble(lines.get(0).strip()),
            Double.parseDouble(lines.get(1).strip())
        };
    }

    /** The container's start time (ffmpeg's {@code -ss} counts from it). */
    static double formatStart(Path file) {
        var lines = output(List.of(
                "ffprobe",
                "-v",
                "error",
                "-show_entries",
                "format=start_time",
                "-of",
                "default=nk=1:nw=1",
                file.toString()));
        return Double.parseDouble(lines.get(0).strip());
    }

    /** What ffmpeg prints when it decodes every stream of the file with {@code -v error}: nothing if clean. */
    static List<String> decodeErrors(Path file) {
        return output(List.of("ffmpeg", "-nostdin", "-v", "error", "-i", file.toString(), "-f", "null", "-")).stream()
                .filter(line -> !line.isBlank())
                .toList();
    }

    /** The luma plane of video frame {@code index} (in display order, from 0). */
    static byte[] luma(Path file, int index) {
        return bytes(List.of(
                "ffmpeg",
                "-nostdin",
                "-v",
                "error",
                "-i",
                file.toString(),
                "-vf",
                "select=eq(n\\," + index + ")",
                "-fps_mode",
                "passthrough",
                "-frames:v",
                "1",
                "-pix_fmt",
                "gray",
                "-f",
                "rawvideo",
                "-"));
    }

    /** Peak signal-to-noise ratio of two 8-bit pictures in dB; infinite when identical. */
    static double psnr(byte[] a, byte[] b) {
        if (a.length != b.length || a.length == 0) {
            throw new IllegalArgumentException("pictures of different sizes: " + a.length + " and " + b.length);
        }
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            int d = (a[i] & 0xff) - (b[i] & 0xff);
            sum += d * d;
        }
        var mse = sum / a.length;
        return mse == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255 * 255 / mse);
    }

    private static List<String> output(List<String> command) {
        return new String(bytes(command), StandardCharsets.UTF_8).lines().toList();
    }

    private static byte[] bytes(List<String> command) {
        try {
            var builder = new ProcessBuilder(command);
            if (command.contains("rawvideo")) {
                builder.redirectError(ProcessBuilder.Redirect.DISCARD);
            } else {
                builder.redirectErrorStream(true);
            }
            var process = builder.start();
            var out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + command);
            }
            return out;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
