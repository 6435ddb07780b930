package org.vidcut.standalone.e2e;

import static org.vidcut.worker.testmedia.GeneratedMedia.args;
import static org.vidcut.worker.testmedia.GeneratedMedia.encode;
import static org.vidcut.worker.testmedia.GeneratedMedia.picture;
import static org.vidcut.worker.testmedia.GeneratedMedia.sound;

import java.nio.file.Path;
import java.util.List;
import org.vidcut.worker.testmedia.GeneratedMedia;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The end-to-end tests' clips, made by the worker's {@link GeneratedMedia}, and results read back with ffprobe. */
final class TestMedia {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TestMedia() {}

    /** An H.264/AAC mp4 with a keyframe every 2 s, so keyframe trims have something to land on. */
    static Path clip(Path dir, String name, int seconds, int width, int height) {
        return encode(
                args(
                        picture(width + "x" + height, 25, seconds),
                        sound(440, seconds),
                        "-c:v libx264 -preset ultrafast -g 50 -keyint_min 50 -sc_threshold 0 -pix_fmt yuv420p",
                        "-c:a aac -shortest"),
                dir.resolve(name));
    }

    /** A lossless H.264/AAC mp4: large for its length (about 1.7 MB a second at 720p), for multipart uploads. */
    static Path losslessClip(Path dir, String name, int seconds, int width, int height) {
        return encode(
                args(
                        picture(width + "x" + height, 25, seconds),
                        sound(440, seconds),
                        "-c:v libx264 -preset ultrafast -qp 0 -g 50 -pix_fmt yuv420p",
                        "-c:a aac -shortest -movflags +faststart"),
                dir.resolve(name));
    }

    /** Like {@link #clip}, with the index at the front, so that a truncated copy still probes as a video. */
    static Path faststartClip(Path dir, String name, int seconds, int width, int height) {
        var source = clip(dir, "plain-" + name, seconds, width, height);
        return encode(args(List.of("-i", source.toString()), "-c copy -movflags +faststart"), dir.resolve(name));
    }

    static Probe probe(Path file) {
        var json = GeneratedMedia.run(
                null,
                List.of(
                        "ffprobe",
                        "-v",
                        "error",
                        "-print_format",
                        "json",
                        "-show_format",
                        "-show_streams",
                        file.toString()));
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
}
