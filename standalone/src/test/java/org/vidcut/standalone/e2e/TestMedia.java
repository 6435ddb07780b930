package org.vidcut.standalone.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Generates test media with ffmpeg's lavfi sources and reads results back with ffprobe. */
final class TestMedia {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestMedia() {}

    /** An H.264/AAC mp4 with a keyframe every 2 s, so keyframe trims have something to land on. */
    static Path clip(Path dir, String name, int seconds, int width, int height) {
        var out = dir.resolve(name);
        run(List.of(
                "ffmpeg",
                "-hide_banner",
                "-loglevel",
                "error",
                "-nostdin",
                "-y",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=" + width + "x" + height + ":rate=25:duration=" + seconds,
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:sample_rate=44100:duration=" + seconds,
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-g",
                "50",
                "-keyint_min",
                "50",
                "-sc_threshold",
                "0",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-shortest",
                out.toString()));
        return out;
    }

    /** A lossless H.264/AAC mp4: large for its length (about 1.7 MB a second at 720p), for multipart uploads. */
    static Path losslessClip(Path dir, String name, int seconds, int width, int height) {
        var out = dir.resolve(name);
        run(List.of(
                "ffmpeg",
                "-hide_banner",
                "-loglevel",
                "error",
                "-nostdin",
                "-y",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=" + width + "x" + height + ":rate=25:duration=" + seconds,
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:sample_rate=44100:duration=" + seconds,
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-qp",
                "0",
                "-g",
                "50",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-shortest",
                "-movflags",
                "+faststart",
                out.toString()));
        return out;
    }

    /** Like {@link #clip}, with the index at the front, so that a truncated copy still probes as a video. */
    static Path faststartClip(Path dir, String name, int seconds, int width, int height) {
        var source = clip(dir, "plain-" + name, seconds, width, height);
        var out = dir.resolve(name);
        run(List.of(
                "ffmpeg",
                "-hide_banner",
                "-loglevel",
                "error",
                "-nostdin",
                "-y",
                "-i",
                source.toString(),
                "-c",
                "copy",
                "-movflags",
                "+faststart",
                out.toString()));
        return out;
    }

    static Probe probe(Path file) {
        var json = run(List.of(
                "ffprobe", "-v", "error", "-print_format", "json", "-show_format", "-show_streams", file.toString()));
        JsonNode root = JSON.readTree(json);
        Integer width = null;
        Integer height = null;
        String videoCodec = null;
        String audioCodec = null;
        for (JsonNode stream : root.path("streams")) {
            var type = stream.path("codec_type").asString();
            if ("video".equals(type) && videoCodec == null) {
                videoCodec = stream.path("codec_name").asString();
                width = stream.path("width").asInt();
                height = stream.path("height").asInt();
            } else if ("audio".equals(type) && audioCodec == null) {
                audioCodec = stream.path("codec_name").asString();
            }
        }
        var format = root.path("format");
        return new Probe(
                Double.parseDouble(format.path("duration").asString("0")),
                width,
                height,
                videoCodec,
                audioCodec,
                format.path("format_name").asString());
    }

    record Probe(
            double duration, Integer width, Integer height, String videoCodec, String audioCodec, String formatName) {}

    private static String run(List<String> command) {
        try {
            var process = new ProcessBuilder(new ArrayList<>(command))
                    .redirectErrorStream(true)
                    .start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " timed out");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
