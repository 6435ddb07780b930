package org.vidcut.api.video;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.vidcut.contracts.ProbedMedia;
import org.vidcut.contracts.SourceFormats;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs ffprobe as a process with an argument list (never a shell) and a timeout.
 *
 * <p>The demuxer and protocol whitelists are there because uploads are hostile input: a playlist (HLS, concat)
 * would make ffprobe, and later the worker, fetch other URLs or local files on our behalf. What the file claims
 * (frame size, length, frame rate) is then held against {@link MediaLimits}.
 */
@Component
class FfprobeVideoProber implements VideoProber {

    private static final Logger log = LoggerFactory.getLogger(FfprobeVideoProber.class);

    static final String FORMAT_WHITELIST = SourceFormats.DEMUXER_ALLOW_LIST;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern SIGNED_URL = Pattern.compile("https?://\\S+");

    private final MediaProperties properties;
    private final MediaLimits limits;

    FfprobeVideoProber(MediaProperties properties, MediaLimits limits) {
        this.properties = properties;
        this.limits = limits;
    }

    @Override
    public MediaProbe probe(String input) {
        var remote = input.startsWith("http://") || input.startsWith("https://");
        var command = new ArrayList<>(List.of(
                properties.ffprobePath(),
                "-v",
                "error",
                "-protocol_whitelist",
                remote ? "http,https,tcp,tls" : "file",
                "-format_whitelist",
                FORMAT_WHITELIST,
                "-print_format",
                "json",
                "-show_format",
                "-show_streams",
                input));
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("ffprobe", ".json");
            err = Files.createTempFile("ffprobe", ".err");
            var process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .start();
            if (!process.waitFor(properties.probeTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new VideoUnreadable(
                        "probing took longer than " + properties.probeTimeout().toSeconds() + " s");
            }
            if (process.exitValue() != 0) {
                log.info("ffprobe refused an upload: {}", redacted(firstLine(Files.readString(err)), input));
                throw new VideoUnreadable("it is not a recognised video file");
            }
            var json = JSON.readTree(Files.readString(out));
            var probe = interpret(json);
            limits.check(MediaClaims.of(json, probe.durationSeconds()));
            return probe;
        } catch (IOException e) {
            throw new MediaToolUnavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MediaToolUnavailable(e);
        } catch (JacksonException e) {
            throw new VideoUnreadable("it could not be inspected");
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    static MediaProbe interpret(JsonNode probe) {
        JsonNode video = null;
        JsonNode audio = null;
        for (var stream : probe.path("streams")) {
            var type = stream.path("codec_type").asString("");
            var picture = stream.path("disposition").path("attached_pic").asInt(0) == 1;
            if (video == null && "video".equals(type) && !picture) {
                video = stream;
            } else if (audio == null && "audio".equals(type)) {
                audio = stream;
            }
        }
        if (video == null) {
            throw new VideoUnreadable("it has no video stream");
        }
        if (video.path("width").asInt(0) <= 0 || video.path("height").asInt(0) <= 0) {
            throw new VideoUnreadable("its video stream has no dimensions");
        }
        var media = ProbedMedia.of(probe);
        double duration = media.durationSeconds();
        if (!(duration > 0)) {
            throw new VideoUnreadable("its duration is unknown or zero");
        }
        return new MediaProbe(
                duration,
                media.width(),
                media.height(),
                video.path("codec_name").asString("unknown"),
                audio == null ? null : audio.path("codec_name").asString(null),
                probe.path("format").path("format_name").asString("unknown"),
                media.rotation(),
                media.tracks());
    }

    /**
     * ffprobe names its input in its messages, and the input is a presigned URL: its signature would let anyone
     * who reads the logs fetch the upload.
     */
    static String redacted(String message, String input) {
        return SIGNED_URL.matcher(message.replace(input, "<upload>")).replaceAll("<url>");
    }

    private static String firstLine(String text) {
        var trimmed = text.strip();
        int newline = trimmed.indexOf('\n');
        return newline < 0 ? trimmed : trimmed.substring(0, newline);
    }

    private static java.io.File nullDevice() {
        return new java.io.File(
                System.getProperty("os.name").toLowerCase(Locale.ROOT).startsWith("windows") ? "NUL" : "/dev/null");
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                log.debug("could not delete {}", path, e);
            }
        }
    }
}
