package org.vidcut.worker.conversion;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidcut.contracts.Operations;
import org.vidcut.contracts.ProbedMedia;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asks ffprobe what a source or a result holds: which tracks to map, whether the picture is interlaced, where the
 * keyframe before a cut lies, and what the result looks like on screen. The job does not carry these facts: the
 * worker reads them from the file itself, so jobs of older api versions convert the same (see
 * docs/decisions.md, "Real media").
 */
final class MediaInspector {

    private static final Logger log = LoggerFactory.getLogger(MediaInspector.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long TIMEOUT_SECONDS = 120;

    /** How far before the cut a keyframe is looked for first; GOPs are rarely longer than a few seconds. */
    static final double KEYFRAME_WINDOW_SECONDS = 20;

    /** Every stream's coding, timing and rotation, and the container's: enough for every use of a file's header. */
    private static final List<String> DESCRIBE = List.of("-show_format", "-show_streams");

    /** Each packet's stream, time and flags, asked together with {@link #DESCRIBE} to save a run. */
    private static final List<String> PACKETS = List.of("-show_entries", "packet=stream_index,pts_time,flags");

    private final String ffprobePath;

    MediaInspector(String ffprobePath) {
        this.ffprobePath = ffprobePath;
    }

    /**
     * How a probe of the source runs: as one of the job's runs, under its time limit, cancel and memory ceiling, so
     * that a source that never answers cannot hold the worker outside them.
     */
    record Supervision(FfmpegRunner runner, Duration timeout, String runKey) {}

    /** A result's streams and timing, or null when ffprobe cannot read it. */
    @Nullable
    ProbedMedia describe(String input) {
        var json = run(input, DESCRIBE, null);
        return json == null ? null : ProbedMedia.of(json);
    }

    /** A result's streams and timing and every packet of it, in one run; null when ffprobe cannot read it. */
    @Nullable
    JsonNode describeWithPackets(String file) {
        var query = new ArrayList<>(DESCRIBE);
        query.addAll(PACKETS);
        return run(file, query, null);
    }

    /**
     * The source's streams, read once for everything the worker asks of its header, with the packets a cut needs
     * ({@link PacketWindow}): a smart trim's range, or else the keyframe before the cut (see {@link #withKeyframe}).
     */
    SourceFacts read(String input, Operations operations, Supervision supervision, boolean smart) {
        var window = PacketWindow.of(operations, smart);
        var query = new ArrayList<>(DESCRIBE);
        window.ifPresent(interval -> {
            query.addAll(PACKETS);
            query.addAll(List.of("-read_intervals", interval));
        });
        var lookup = !smart && window.isPresent();
        var json = run(input, query, supervision);
        var media = json == null ? null : ProbedMedia.of(json);
        var facts = new SourceFacts(
                media,
                json,
                lookup && media != null && media.hasVideo()
                        ? SourceFacts.keyframeRead(json, media, operations.startSeconds())
                        : null);
        return smart ? facts : withKeyframe(facts, input, operations, supervision);
    }

    /**
     * The facts with, for a cut that does not begin at 0, the keyframe of its picture at or before the start. Both
     * seeks begin there: ffmpeg's own seek in MPEG-TS lands between keyframes, so a stream copy started the sound
     * before the picture and a re-encode lost the frames up to the next keyframe.
     */
    SourceFacts withKeyframe(SourceFacts facts, String input, Operations operations, Supervision supervision) {
        var media = facts.media();
        if (facts.keyframeSeconds() != null
                || media == null
                || !media.hasVideo()
                || !operations.format().hasVideo()
                || !(operations.startSeconds() > 0)) {
            return facts;
        }
        var found = keyframeAtOrBefore(input, media, operations.startSeconds(), supervision);
        return new SourceFacts(media, facts.probe(), found.isPresent() ? found.getAsDouble() : null);
    }

    /**
     * The largest gap between keyframes in the first {@code span} seconds of a result's video: how much shorter
     * than asked a stream copy may be. With fewer than two keyframes there, or none readable, it is the span.
     */
    double keyframeInterval(String file, double span) {
        var json = run(file, keyframes("v:0", "%+" + (long) Math.ceil(span)), null);
        if (json == null) {
            return span;
        }
        double previous = Double.NaN;
        double largest = 0;
        int keyframes = 0;
        for (var packet : json.path("packets")) {
            if (packet.path("flags").asString("").contains("K")) {
                double time = packet.path("pts_time").asDouble(Double.NaN);
                if (keyframes++ > 0) {
                    largest = Math.max(largest, time - previous);
                }
                previous = time;
            }
        }
        return keyframes < 2 || !(largest > 0) ? span : largest;
    }

    /**
     * The time of the last keyframe of the picture at or before {@code seconds}, counted like ffmpeg's
     * {@code -ss} from the file's first timestamp. A stream copy has to begin there: seeking anywhere else
     * starts the sound before the picture (MPEG-TS) or the picture on a frame that cannot be decoded.
     */
    OptionalDouble keyframeAtOrBefore(
            String input, ProbedMedia source, double seconds, @Nullable Supervision supervision) {
        double target = source.startSeconds() + seconds;
        var found = keyframe(input, source, Math.max(0, target - KEYFRAME_WINDOW_SECONDS), target, supervision);
        if (found.isEmpty() && target > KEYFRAME_WINDOW_SECONDS) {
            found = keyframe(input, source, 0, target, supervision);
        }
        return found.isEmpty() ? found : OptionalDouble.of(Math.max(0, found.getAsDouble() - source.startSeconds()));
    }

    private OptionalDouble keyframe(
            String input, ProbedMedia source, double from, double target, @Nullable Supervision supervision) {
        var interval = String.format(Locale.ROOT, "%.6f%%%.6f", from, target + 0.000_001);
        var json = run(input, keyframes(Integer.toString(source.videoIndex()), interval), supervision);
        double best = json == null ? Double.NaN : SourceFacts.latestKeyframe(json, source.videoIndex(), target);
        return Double.isNaN(best) ? OptionalDouble.empty() : OptionalDouble.of(best);
    }

    private static List<String> keyframes(String stream, String interval) {
        return List.of(
                "-select_streams",
                stream,
                "-show_entries",
                "packet=stream_index,pts_time,flags",
                "-read_intervals",
                interval);
    }

    private @Nullable JsonNode run(String input, List<String> query, @Nullable Supervision supervision) {
        var command = new ArrayList<>(List.of(ffprobePath, "-v", "error"));
        // unsupervised runs read the worker's own results: local files, in formats no source may have (mp3)
        command.addAll(
                supervision != null
                        ? SourceOptions.of(input)
                        : List.of("-protocol_whitelist", FfmpegCommand.LOCAL_PROTOCOLS));
        command.addAll(List.of("-print_format", "json"));
        command.addAll(query);
        if (supervision != null) {
            return supervised(command, input, supervision);
        }
        command.add(input);
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw ConversionFailed.ffmpegUnavailable(e);
        }
        try (InputStream out = process.getInputStream()) {
            process.getOutputStream().close();
            var bytes = out.readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return null;
            }
            return JSON.readTree(bytes);
        } catch (IOException | JacksonException e) {
            log.debug("ffprobe could not describe the file: {}", e.toString());
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } finally {
            process.destroyForcibly();
        }
    }

    /** ffprobe as a run of the job, writing its JSON to a file: the runner merges what it prints. */
    private @Nullable JsonNode supervised(List<String> command, String input, Supervision supervision) {
        Path json = null;
        try {
            json = Files.createTempFile("vidcut-probe-", ".json");
            var supervised = new ArrayList<>(command);
            supervised.addAll(List.of("-o", json.toString(), input));
            supervision.runner().capture(supervised, supervision.timeout(), input, supervision.runKey());
            return JSON.readTree(Files.readAllBytes(json));
        } catch (ConversionFailed e) {
            if (e.outcome() != ConversionMetrics.Outcome.FAILED) {
                throw e;
            }
            log.debug("ffprobe could not describe the source: {}", e.getMessage());
            return null;
        } catch (IOException | JacksonException e) {
            log.debug("ffprobe could not describe the source: {}", e.toString());
            return null;
        } finally {
            if (json != null) {
                try {
                    Files.deleteIfExists(json);
                } catch (IOException e) {
                    log.debug("could not delete {}: {}", json, e.toString());
                }
            }
        }
    }
}
