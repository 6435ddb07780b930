package org.vidcut.worker.conversion;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.springframework.util.unit.DataSize;
import org.vidcut.contracts.ConversionJob;
import org.vidcut.contracts.Operations;
import org.vidcut.contracts.ProbedMedia;
import org.vidcut.worker.WorkerProperties;

/** Runs the worker's conversion on files of a {@link MediaCorpus} and measures the results with ffprobe. */
final class MediaChecks {

    private static final MediaInspector INSPECTOR = new MediaInspector("ffprobe");
    private static final Pattern IDET = Pattern.compile(
            "Multi frame detection: TFF:\\s*(\\d+) BFF:\\s*(\\d+) Progressive:\\s*(\\d+) Undetermined:\\s*(\\d+)");

    private MediaChecks() {}

    /** A worker as deployed, but reading and writing files under {@code storageRoot}. */
    static ConversionService service(Path storageRoot, Path workDir) {
        var properties = new WorkerProperties(
                "corpus-worker",
                1,
                "ffmpeg",
                "ffprobe",
                workDir,
                Duration.ofSeconds(1),
                Duration.ofSeconds(120),
                Duration.ZERO,
                DataSize.ofMegabytes(200),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                Duration.ofHours(1),
                DataSize.ofGigabytes(2),
                2,
                true);
        return new ConversionService(properties, new LocalObjectStore(storageRoot));
    }

    static ConversionJob job(String taskId, String sourceKey, double sourceSeconds, Operations operations) {
        return new ConversionJob(
                taskId,
                1,
                sourceKey,
                "results/" + taskId + "." + operations.format().fileExtension(),
                sourceSeconds,
                operations,
                Instant.now());
    }

    static ProbedMedia describe(Path file) {
        return INSPECTOR.describe(file.toString());
    }

    /** The picture's packet times as players count them, in order, and which are keyframes. */
    static List<Packet> videoPackets(Path file) throws IOException, InterruptedException {
        var csv = MediaChecks.output(List.of(
                "ffprobe",
                "-v",
                "error",
                "-select_streams",
                "v:0",
                "-show_entries",
                "packet=pts_time,flags",
                "-of",
                "csv=p=0",
                file.toString()));
        var packets = new ArrayList<Packet>();
        for (var line : csv.split("\n")) {
            var fields = line.split(",");
            if (fields.length >= 2 && !fields[0].isBlank() && !"N/A".equals(fields[0])) {
                packets.add(new Packet(Double.parseDouble(fields[0]), fields[1].contains("K")));
            }
        }
        packets.sort((a, b) -> Double.compare(a.seconds(), b.seconds()));
        return packets;
    }

    record Packet(double seconds, boolean keyframe) {}

    /** What {@code ffmpeg -v error} says while decoding the whole file: nothing for a sound file. */
    static String decodeErrors(Path file) throws IOException, InterruptedException {
        return output(List.of("ffmpeg", "-nostdin", "-v", "error", "-i", file.toString(), "-f", "null", "-"))
                .strip();
    }

    /** How many frames ffmpeg's {@code idet} filter finds interlaced (top or bottom field first). */
    static int interlacedFrames(Path file) throws IOException, InterruptedException {
        var log = output(List.of(
                "ffmpeg", "-nostdin", "-hide_banner", "-i", file.toString(), "-an", "-vf", "idet", "-f", "null", "-"));
        var matcher = IDET.matcher(log);
        if (!matcher.find()) {
            throw new IllegalStateException("idet printed no summary: " + log);
        }
        return Integer.parseInt(matcher.group(1)) + Integer.parseInt(matcher.group(2));
    }

    /** The pixel (sample) aspect ratio of the first picture stream, e.g. {@code 1:1} for square pixels. */
    static String sampleAspectRatio(Path file) throws IOException, InterruptedException {
        return output(List.of(
                        "ffprobe",
                        "-v",
                        "error",
                        "-select_streams",
                        "v:0",
                        "-show_entries",
                        "stream=sample_aspect_ratio",
                        "-of",
                        "csv=p=0",
                        file.toString()))
                .strip();
    }

    static void run(Path dir, List<String> command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        var log = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("ffmpeg could not generate " + command + ": " + log);
        }
    }

    static String output(List<String> command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var text = new String(process.getInputStream().readAllBytes());
        process.waitFor(60, TimeUnit.SECONDS);
        return text;
    }
}
