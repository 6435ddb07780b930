package org.vidcut.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Issue 6, "fast by design, measured", and issue 14, "measure honestly": the standalone jar as a separate process
 * against raw ffmpeg on the same file and a direct S3 put to the same store, every baseline measured in the same
 * run. This class only starts the jar, runs the selected {@link Measurement}s in order and prints the report; see
 * docs/benchmark.md.
 */
public final class Benchmark {

    /** In the order they run; the keyframe trim first (it always runs and leaves a finished task). */
    static final List<Measurement> MEASUREMENTS = List.of(
            new KeyframeTrim(),
            Reencode.exactTrim(),
            Reencode.resize(),
            Reencode.webm(),
            new SmartTrim(),
            new MultipartUpload(),
            new DirectUpload(),
            new WebhookLatency(),
            new EventDelivery(),
            new StatusRequests(),
            new ConditionalStatusRequests());

    /** Only where the server has no task event stream. */
    private static final Duration POLL = Duration.ofMillis(20);

    private final Settings settings;
    private final Report report = new Report();
    private final List<String> busyness = new ArrayList<>();

    private Benchmark(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        long misses = new Benchmark(Settings.parse(args)).run();
        System.exit(misses == 0 ? 0 : 3);
    }

    /** Returns the number of missed targets, plus one if the run was aborted. */
    private long run() throws Exception {
        var started = Instant.now();
        var machine = Machine.describe();
        busyness.add("at start: " + Machine.busyness());
        Console.step("work directory %s", settings.workDir());
        deleteRecursively(settings.workDir());
        Files.createDirectories(settings.workDir());
        var media = Media.prepare(settings.mediaCache());
        var spy = FfmpegSpy.install(settings.workDir().resolve("spy"));
        var dataDir = settings.workDir().resolve("data");
        String aborted = null;
        Console.step("starting %s", settings.jar());
        long startNanos = System.nanoTime();
        try (var standalone = StandaloneUnderTest.start(
                settings.jar(),
                dataDir,
                settings.workDir().resolve("standalone.log"),
                jvmOptions(),
                environment(spy),
                settings.startTimeout())) {
            report.detail(
                    "standalone started in %.1f s (pid %d, API %s, S3 stand-in %s)",
                    (System.nanoTime() - startNanos) / 1e9, standalone.pid(), standalone.api(), standalone.s3());
            var api = new ApiClient(standalone.api());
            api.createUser();
            try (var tasks = new TaskRunner(api, POLL, Session.TASK_TIMEOUT)) {
                measure(new Session(
                        settings, standalone, api, tasks, spy, media, upload(api, media), report, new Findings()));
            }
        } catch (RuntimeException e) {
            // what was measured so far is still printed; the run counts as failed
            aborted = e.toString();
            Console.step(
                    "aborted: %s (standalone log: %s)", e, settings.workDir().resolve("standalone.log"));
        } finally {
            busyness.add("at end: " + Machine.busyness());
            deleteRecursively(dataDir);
        }
        if (aborted != null) {
            report.detail("ABORTED: %s", aborted);
        }
        var elapsed = Duration.between(started, Instant.now());
        report.detail(
                "benchmark wall time %d min %02d s (media generation included when not cached)",
                elapsed.toMinutes(), elapsed.toSecondsPart());
        print(machine);
        return report.misses() + (aborted == null ? 0 : 1);
    }

    private void measure(Session session) throws Exception {
        String previous = null;
        for (var measurement : MEASUREMENTS) {
            if (!settings.selected(measurement)) {
                continue;
            }
            if (previous != null && !previous.equals(measurement.row())) {
                busyness.add("before " + measurement.row() + ": " + Machine.busyness());
            }
            previous = measurement.row();
            measurement.measure(session);
        }
        report.detail("task completion seen on the %s", session.tasks().channel());
    }

    private com.fasterxml.jackson.databind.JsonNode upload(ApiClient api, Media.Generated media) throws IOException {
        Console.step("uploading the 10-minute file");
        long start = System.nanoTime();
        var video = api.upload(media.tenMinutes());
        report.detail(
                "10-minute source: %s/%s %dx%d, %.0f MB, %.1f s, uploaded in %.1f s",
                video.path("video_codec").asText(),
                video.path("audio_codec").asText(),
                video.path("width").asInt(),
                video.path("height").asInt(),
                Files.size(media.tenMinutes()) / Format.MB,
                video.path("duration").asDouble(),
                (System.nanoTime() - start) / 1e9);
        return video;
    }

    private Map<String, String> environment(FfmpegSpy spy) {
        var environment = new LinkedHashMap<String, String>(Map.of(
                "VIDCUT_WORKER_FFMPEGPATH", spy.ffmpeg().toString(),
                "VIDCUT_WORKER_FFPROBEPATH", spy.ffprobe().toString(),
                "VIDCUT_MEDIA_FFPROBEPATH", spy.ffprobe().toString()));
        environment.putAll(WebhookLatency.ALLOW_LOOPBACK_TARGETS);
        environment.putAll(settings.environment());
        if (!settings.environment().isEmpty()) {
            report.detail("what-if run: extra environment for the standalone jar %s", settings.environment());
        }
        return environment;
    }

    private List<String> jvmOptions() {
        // one line per collection, kept for diagnosis next to the standalone's log; it changes nothing in how it runs
        var options = new ArrayList<String>(
                List.of("-Xlog:gc:file=" + settings.workDir().resolve("gc.log")));
        if (settings.jfr()) {
            options.add("-XX:StartFlightRecording=filename="
                    + settings.workDir().resolve("standalone.jfr") + ",settings=profile,dumponexit=true");
        }
        return options;
    }

    private void print(Machine machine) throws IOException {
        var header = new StringBuilder()
                .append("vidcut benchmark, ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
                .append('\n')
                .append("machine: ")
                .append(machine.cores())
                .append(" cores, ")
                .append(machine.cpu())
                .append(", memory ")
                .append(machine.memory())
                .append('\n')
                .append(machine.java())
                .append("; ")
                .append(machine.ffmpeg())
                .append('\n');
        busyness.forEach(b -> header.append(b).append('\n'));
        Console.print("");
        Console.print(header.toString());
        Console.print(report.text());
        var markdown = settings.workDir().resolve("results.md");
        Files.writeString(
                markdown, header.toString().replace("\n", "  \n") + "\n" + report.markdown(), StandardCharsets.UTF_8);
        Console.step("markdown written to %s", markdown);
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (var path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
