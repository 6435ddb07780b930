package org.vidcut.benchmark;

import io.minio.MinioClient;
import io.minio.RemoveObjectArgs;
import io.minio.UploadObjectArgs;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Issue 6, "fast by design, measured": the standalone jar as a separate process against raw ffmpeg on the same
 * file and a direct S3 put to the same store, every baseline measured in the same run. See docs/benchmark.md.
 */
public final class Benchmark {

    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration TASK_TIMEOUT = Duration.ofMinutes(5);
    private static final String BUCKET = "vidcut";
    private static final double MB = 1024 * 1024;

    record Settings(
            Path jar,
            Path workDir,
            Path mediaCache,
            int keyframeRuns,
            int encodeRuns,
            int uploadRuns,
            int loadThreads,
            int loadConnections,
            Duration loadDuration,
            int warmupSeconds,
            boolean jfr,
            java.util.Set<String> rows,
            Map<String, String> environment) {

        static Settings parse(String... args) {
            var values = new LinkedHashMap<String, String>();
            for (var arg : args) {
                if (!arg.startsWith("--") || !arg.contains("=")) {
                    throw new IllegalArgumentException("expected --name=value, got " + arg);
                }
                values.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
            var work = Path.of(values.getOrDefault("work-dir", "benchmark/target/run"))
                    .toAbsolutePath();
            return new Settings(
                    Path.of(values.getOrDefault("jar", "standalone/target/standalone.jar"))
                            .toAbsolutePath(),
                    work,
                    Path.of(values.getOrDefault("media-cache", "benchmark/target/media"))
                            .toAbsolutePath(),
                    Integer.parseInt(values.getOrDefault("keyframe-runs", "5")),
                    Integer.parseInt(values.getOrDefault("encode-runs", "2")),
                    Integer.parseInt(values.getOrDefault("upload-runs", "2")),
                    Integer.parseInt(values.getOrDefault("load-threads", "2")),
                    Integer.parseInt(values.getOrDefault("load-connections", "16")),
                    Duration.ofSeconds(Long.parseLong(values.getOrDefault("load-seconds", "10"))),
                    Integer.parseInt(values.getOrDefault("warmup-seconds", "20")),
                    Boolean.parseBoolean(values.getOrDefault("jfr", "false")),
                    java.util.Set.of(values.getOrDefault("rows", "keyframe,encode,upload,status")
                            .split(",")),
                    environment(values));
        }

        /** {@code --env.NAME=VALUE}: extra environment for the standalone jar, for what-if runs (reported). */
        private static Map<String, String> environment(Map<String, String> values) {
            var environment = new LinkedHashMap<String, String>();
            values.forEach((name, value) -> {
                if (name.startsWith("env.")) {
                    environment.put(name.substring(4), value);
                }
            });
            return environment;
        }
    }

    private final Settings settings;
    private final Report report = new Report();
    private final List<String> busyness = new ArrayList<>();
    private FfmpegSpy spy;
    private String aborted;

    private Benchmark(Settings settings) {
        this.settings = settings;
    }

    public static void main(String[] args) throws Exception {
        var settings = Settings.parse(args);
        var benchmark = new Benchmark(settings);
        int misses = benchmark.run();
        System.exit(misses == 0 ? 0 : 3);
    }

    private int run() throws Exception {
        var started = Instant.now();
        var machine = Machine.describe();
        busyness.add("at start: " + Machine.busyness());
        Console.step("work directory %s", settings.workDir());
        deleteRecursively(settings.workDir());
        Files.createDirectories(settings.workDir());

        var media = Media.prepare(settings.mediaCache());
        spy = FfmpegSpy.install(settings.workDir().resolve("spy"));

        var dataDir = settings.workDir().resolve("data");
        var environment = new LinkedHashMap<String, String>(Map.of(
                "VIDCUT_WORKER_FFMPEGPATH", spy.ffmpeg().toString(),
                "VIDCUT_WORKER_FFPROBEPATH", spy.ffprobe().toString(),
                "VIDCUT_MEDIA_FFPROBEPATH", spy.ffprobe().toString()));
        environment.putAll(settings.environment());
        if (!settings.environment().isEmpty()) {
            report.detail("what-if run: extra environment for the standalone jar %s", settings.environment());
        }
        // one line per collection, kept for diagnosis next to the standalone's log; it changes nothing in how it runs
        var jvmOptions = new ArrayList<String>(
                List.of("-Xlog:gc:file=" + settings.workDir().resolve("gc.log")));
        if (settings.jfr()) {
            jvmOptions.add("-XX:StartFlightRecording=filename="
                    + settings.workDir().resolve("standalone.jfr") + ",settings=profile,dumponexit=true");
        }
        Console.step("starting %s", settings.jar());
        long startNanos = System.nanoTime();
        try (var standalone = StandaloneUnderTest.start(
                settings.jar(),
                dataDir,
                settings.workDir().resolve("standalone.log"),
                jvmOptions,
                environment,
                Duration.ofMinutes(3))) {
            report.detail(
                    "standalone started in %.1f s (pid %d, API %s, S3 stand-in %s)",
                    (System.nanoTime() - startNanos) / 1e9, standalone.pid(), standalone.api(), standalone.s3());
            var api = new ApiClient(standalone.api());
            api.createUser();
            Console.step("uploading the 10-minute file");
            long uploadStart = System.nanoTime();
            var video = api.upload(media.tenMinutes());
            report.detail(
                    "10-minute source: %s, %.0f MB, %.1f s, uploaded in %.1f s",
                    video.path("video_codec").asText() + "/"
                            + video.path("audio_codec").asText() + " "
                            + video.path("width").asInt() + "x"
                            + video.path("height").asInt(),
                    Files.size(media.tenMinutes()) / MB,
                    video.path("duration").asDouble(),
                    (System.nanoTime() - uploadStart) / 1e9);
            var videoId = video.get("id").asText();

            String statusTaskId;
            var egress = StorageEgress.install(standalone.s3().getPort());
            try {
                statusTaskId = keyframeTrim(api, spy, egress, videoId, media.tenMinutes(), standalone.pid());
            } finally {
                egress.ifPresent(StorageEgress::close);
            }
            if (settings.rows().contains("encode")) {
                encode(
                        standalone.pid(),
                        api,
                        spy,
                        videoId,
                        media.tenMinutes(),
                        "exact trim 60-90 s (libx264 veryfast)",
                        task(videoId, 60, 90, null, null, null, "exact"),
                        "mp4");
                encode(
                        standalone.pid(),
                        api,
                        spy,
                        videoId,
                        media.tenMinutes(),
                        "resize to 1280x720, 60 s segment 60-120 s",
                        task(videoId, 60, 120, 1280, 720, null, null),
                        "mp4");
                encode(
                        standalone.pid(),
                        api,
                        spy,
                        videoId,
                        media.tenMinutes(),
                        "convert to webm (VP9/Opus), 30 s segment 60-90 s",
                        task(videoId, 60, 90, null, null, "webm", null),
                        "webm");
            }
            busyness.add("before the upload: " + Machine.busyness());
            if (settings.rows().contains("upload")) {
                upload(api, standalone, media.oneGigabyte());
            }
            if (settings.rows().contains("status")) {
                statusLoad(api, standalone, statusTaskId);
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
        return (int) report.rows().stream()
                        .filter(r -> Boolean.FALSE.equals(r.pass()))
                        .count()
                + (aborted == null ? 0 : 1);
    }

    private static Map<String, Object> task(
            String videoId, double start, double end, Integer width, Integer height, String format, String accuracy) {
        var body = new LinkedHashMap<String, Object>();
        body.put("video_id", videoId);
        body.put("start_time", start);
        body.put("end_time", end);
        if (width != null) {
            body.put("width", width);
            body.put("height", height);
        }
        if (format != null) {
            body.put("format", format);
        }
        if (accuracy != null) {
            body.put("accuracy", accuracy);
        }
        return body;
    }

    /** Returns a finished task's id, used later for the status load. */
    private String keyframeTrim(
            ApiClient api, FfmpegSpy spy, Optional<StorageEgress> egress, String videoId, Path source, long pid) {
        var body = task(videoId, 60, 90, null, null, null, "keyframe");
        Console.step("keyframe trim: 2 warm-up tasks, then %d measured", settings.keyframeRuns());
        String warmUpTask = null;
        for (int i = 0; i < 2; i++) {
            warmUpTask = api.runTask(body, POLL, TASK_TIMEOUT).id();
        }
        if (settings.warmupSeconds() > 0) {
            // a server in service has run these code paths thousands of times; a fresh JVM interprets them and
            // spends a core on JIT compilation, which would be charged to whatever runs next
            Console.step("JIT warm-up: %d s of GET /v1/tasks/{id}", settings.warmupSeconds());
            StatusLoad.run(
                    api.taskUri(warmUpTask),
                    api.token(),
                    settings.loadThreads(),
                    settings.loadConnections(),
                    Duration.ofSeconds(settings.warmupSeconds()));
        }
        var endToEnd = new ArrayList<Double>();
        var sent = new ArrayList<Double>();
        var resultBytes = new ArrayList<Double>();
        var toFirstSpawn = new ArrayList<Double>();
        var versionChecks = new ArrayList<Double>();
        var ffmpegSeconds = new ArrayList<Double>();
        var verification = new ArrayList<Double>();
        var afterVerification = new ArrayList<Double>();
        var spawns = new ArrayList<Double>();
        var notInFfmpeg = new ArrayList<Double>();
        var cpu = new ArrayList<ThreadCpu.Split>();
        var polls = new ArrayList<Double>();
        FfmpegSpy.Run lastWorkerRun = null;
        String lastTask = null;
        for (int i = 0; i < settings.keyframeRuns(); i++) {
            int mark = spy.mark();
            long egressBefore = egress.map(StorageEgress::bytes).orElse(0L);
            var threadsBefore = ThreadCpu.take(pid);
            var run = api.runTask(body, POLL, TASK_TIMEOUT);
            cpu.add(ThreadCpu.take(pid).since(threadsBefore));
            long egressAfter = egress.map(StorageEgress::bytes).orElse(0L);
            var workerRun = workerFfmpeg(spy, mark, run.id());
            var runs = spy.runsSince(mark);
            double posted = run.postedAtEpochMillis() / 1000.0;
            double done = posted + run.seconds();
            endToEnd.add(run.seconds());
            sent.add((double) (egressAfter - egressBefore));
            resultBytes.add((double) api.resultSize(run.id()));
            toFirstSpawn.add(runs.get(0).startEpochSeconds() - posted);
            versionChecks.add(runs.stream()
                    .filter(r -> r.args().equals(List.of("-version")))
                    .mapToDouble(FfmpegSpy.Run::seconds)
                    .sum());
            ffmpegSeconds.add(workerRun.seconds());
            double lastEnd = runs.get(runs.size() - 1).endEpochSeconds();
            verification.add(runs.stream()
                    .filter(r -> r.tool().equals("ffprobe")
                            && r.startEpochSeconds() >= workerRun.endEpochSeconds()
                            && !r.args().equals(List.of("-version")))
                    .mapToDouble(FfmpegSpy.Run::seconds)
                    .sum());
            afterVerification.add(done - lastEnd);
            spawns.add((double) runs.size());
            notInFfmpeg.add(run.seconds() - workerRun.seconds());
            polls.add((double) run.polls());
            lastWorkerRun = workerRun;
            lastTask = run.id();
        }
        var raw = rawRuns(spy, lastWorkerRun, source, "mp4", settings.keyframeRuns());
        var replayOutput = settings.workDir().resolve("replay.mp4");
        long replayRead = FfmpegSpy.replayReadBytes(lastWorkerRun, Path.of("ffmpeg"), replayOutput);
        var local = FfmpegSpy.localEquivalent(lastWorkerRun, Path.of("ffmpeg"), source, replayOutput);
        long localRead = FfmpegSpy.replayReadBytes(
                new FfmpegSpy.Run("ffmpeg", 0, 0, 0, Map.of(), local.subList(1, local.size())),
                Path.of("ffmpeg"),
                replayOutput);
        double vidcut = median(endToEnd);
        double baseline = median(raw.seconds());
        report.row(
                "keyframe trim 60-90 s, end to end (POST → done, 20 ms polls)",
                seconds(vidcut),
                "raw ffmpeg " + seconds(baseline),
                "≤ raw + 0.30 s",
                vidcut <= baseline + 0.3,
                overBy(vidcut - (baseline + 0.3), "s"));
        double result = median(resultBytes);
        double read = egress.isPresent() ? median(sent) : replayRead;
        report.row(
                egress.isPresent()
                        ? "keyframe trim: bytes read from storage (S3 stand-in's egress, kernel count)"
                        : "keyframe trim: bytes read from storage (ffmpeg's own count, replayed)",
                megabytes(read),
                "result " + megabytes(result),
                "≤ 2 × result",
                read <= 2 * result,
                read <= 2 * result
                        ? String.format(Locale.ROOT, "%.2f ×", read / result)
                        : overBy((read - 2 * result) / MB, "MB"));
        report.detail(
                "keyframe trim, medians of %d runs: POST → first ffmpeg/ffprobe process %s; `-version` checks %s;"
                        + " ffmpeg %s; ffprobe verification %s; last process ends → poll sees done (result upload,"
                        + " events, api, poll interval) %s; %s processes per task",
                endToEnd.size(),
                seconds(median(toFirstSpawn)),
                seconds(median(versionChecks)),
                seconds(median(ffmpegSeconds)),
                seconds(median(verification)),
                seconds(median(afterVerification)),
                String.format(Locale.ROOT, "%.0f", median(spawns)));
        report.detail(
                "keyframe trim: end to end per run %s; raw per run %s; bytes sent by the S3 stand-in per task %s;"
                        + " the worker's command replayed with -v verbose: ffmpeg read %s from the presigned URL;"
                        + " the same command on the local file: ffmpeg read %s",
                list(endToEnd),
                list(raw.seconds()),
                sent.stream().map(Benchmark::megabytes).toList(),
                megabytes(replayRead),
                megabytes(localRead));
        report.detail("worker's keyframe command: `%s`", masked(lastWorkerRun));
        cpuRows(cpu, notInFfmpeg, ffmpegSeconds, raw, lastWorkerRun, median(polls));
        return lastTask;
    }

    /** What does not depend on the neighbours: the service's own CPU and the time it adds to ffmpeg's. */
    private void cpuRows(
            List<ThreadCpu.Split> cpu,
            List<Double> notInFfmpeg,
            List<Double> ffmpegSeconds,
            RawRuns raw,
            FfmpegSpy.Run workerRun,
            double polls) {
        double added = median(notInFfmpeg);
        report.row(
                "keyframe trim: time not spent in ffmpeg (task wall − the worker's ffmpeg wall)",
                seconds(added),
                "ffmpeg wall " + seconds(median(ffmpegSeconds)),
                "≤ 0.15 s",
                added <= 0.15,
                overBy(added - 0.15, "s"));
        double service = median(cpu.stream().map(ThreadCpu.Split::service).toList());
        report.row(
                "keyframe trim: CPU of the service per task (api + worker threads, stand-ins apart)",
                String.format(Locale.ROOT, "%.3f s", service),
                String.format(
                        Locale.ROOT,
                        "ffmpeg CPU %.3f s (raw %.3f s)",
                        workerRun.cpuSeconds(),
                        median(raw.cpuSeconds())),
                "≤ 0.05 s",
                service <= 0.05,
                overBy(service - 0.05, "s"));
        report.detail(
                "keyframe trim CPU per task from per-thread counters (jcmd Thread.print), medians of %d: service"
                        + " %.3f s, of which Tomcat threads %.3f s (the POST and ~%.0f polls every 20 ms, which a"
                        + " task event stream would spare) and the rest %.3f s; in-process stand-ins (Qpid,"
                        + " mongo-java-server, s3proxy) %.3f s; JVM (GC, JIT, the thread dumps) %.3f s; per run"
                        + " time not in ffmpeg %s",
                cpu.size(),
                service,
                median(cpu.stream().map(ThreadCpu.Split::http).toList()),
                polls,
                median(cpu.stream().map(ThreadCpu.Split::serviceWithoutHttp).toList()),
                median(cpu.stream().map(ThreadCpu.Split::standIns).toList()),
                median(cpu.stream().map(ThreadCpu.Split::jvm).toList()),
                list(notInFfmpeg));
    }

    private void encode(
            long pid,
            ApiClient api,
            FfmpegSpy spy,
            String videoId,
            Path source,
            String name,
            Map<String, Object> body,
            String extension) {
        Console.step("%s: %d × (vidcut task, raw ffmpeg), order alternating", name, settings.encodeRuns());
        var endToEnd = new ArrayList<Double>();
        var rawSeconds = new ArrayList<Double>();
        var workerSeconds = new ArrayList<Double>();
        var workerCpu = new ArrayList<Double>();
        var rawCpu = new ArrayList<Double>();
        var standaloneCpu = new ArrayList<Double>();
        var pollerCpu = new ArrayList<Double>();
        var polls = new ArrayList<Double>();
        FfmpegSpy.Run workerRun = null;
        for (int i = 0; i < settings.encodeRuns(); i++) {
            // the raw run needs the worker's command, so the first round starts with vidcut; then the order flips
            boolean rawFirst = i % 2 == 1;
            if (rawFirst) {
                var raw = rawRuns(spy, workerRun, source, extension, 1);
                rawSeconds.addAll(raw.seconds());
                rawCpu.addAll(raw.cpuSeconds());
            }
            int mark = spy.mark();
            double jvmCpuBefore = cpuSeconds(pid);
            double ownCpuBefore = ownCpuSeconds();
            var run = api.runTask(body, POLL, TASK_TIMEOUT);
            standaloneCpu.add(cpuSeconds(pid) - jvmCpuBefore);
            polls.add((double) run.polls());
            pollerCpu.add(ownCpuSeconds() - ownCpuBefore);
            workerRun = workerFfmpeg(spy, mark, run.id());
            endToEnd.add(run.seconds());
            workerSeconds.add(workerRun.seconds());
            workerCpu.add(workerRun.cpuSeconds());
            if (!rawFirst) {
                var raw = rawRuns(spy, workerRun, source, extension, 1);
                rawSeconds.addAll(raw.seconds());
                rawCpu.addAll(raw.cpuSeconds());
            }
        }
        double vidcut = median(endToEnd);
        double baseline = median(rawSeconds);
        report.row(
                name + ", end to end",
                seconds(vidcut),
                "raw ffmpeg " + seconds(baseline),
                "≤ 1.10 × raw",
                vidcut <= 1.10 * baseline,
                String.format(Locale.ROOT, "%.2f ×", vidcut / baseline));
        report.detail(
                "%s: end to end per run %s, the worker's ffmpeg alone %s using %s CPU; raw per run %s using %s CPU;"
                        + " meanwhile the standalone JVM itself used %s CPU (answering %s polls) and the benchmark's"
                        + " poller %s",
                name,
                list(endToEnd),
                list(workerSeconds),
                list(workerCpu),
                list(rawSeconds),
                list(rawCpu),
                list(standaloneCpu),
                polls.stream().map(p -> String.format(Locale.ROOT, "%.0f", p)).toList(),
                list(pollerCpu));
        report.detail("worker's command (%s): `%s`", name, masked(workerRun));
    }

    private static FfmpegSpy.Run workerFfmpeg(FfmpegSpy spy, int mark, String taskId) {
        return spy.runsSince(mark).stream()
                .filter(r -> r.tool().equals("ffmpeg") && r.readsOverHttp())
                .reduce((first, second) -> second)
                .orElseThrow(() -> new IllegalStateException("no ffmpeg run of the worker logged for task " + taskId
                        + ": is VIDCUT_WORKER_FFMPEGPATH honoured?"));
    }

    record RawRuns(List<Double> seconds, List<Double> cpuSeconds) {}

    /** The worker's exact command on the local file, through the same wrapper, {@code times} times. */
    private RawRuns rawRuns(FfmpegSpy spy, FfmpegSpy.Run workerRun, Path source, String extension, int times) {
        var output = settings.workDir().resolve("raw-output." + extension);
        var command = FfmpegSpy.localEquivalent(workerRun, spy.ffmpeg(), source, output);
        var seconds = new ArrayList<Double>();
        var cpu = new ArrayList<Double>();
        for (int i = 0; i < times; i++) {
            int mark = spy.mark();
            var outcome = Processes.check(command, TASK_TIMEOUT);
            seconds.add(outcome.nanos() / 1e9);
            cpu.add(spy.runsSince(mark).get(0).cpuSeconds());
        }
        try {
            Files.deleteIfExists(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RawRuns(seconds, cpu);
    }

    private void upload(ApiClient api, StandaloneUnderTest standalone, Path file) throws Exception {
        var minio = MinioClient.builder()
                .endpoint(standalone.s3().toString())
                .credentials(standalone.accessKey(), standalone.secretKey())
                .region("us-east-1")
                .build();
        var heap = new HeapProbe(standalone.pid());
        long size = Files.size(file);
        var apiSeconds = new ArrayList<Double>();
        var directSeconds = new ArrayList<Double>();
        long apiCommitted = Long.MIN_VALUE;
        long directCommitted = Long.MIN_VALUE;
        var timing = new StringBuilder();
        for (int i = 0; i < settings.uploadRuns(); i++) {
            Console.step("1 GiB upload %d/%d: direct S3 put, then POST /v1/videos", i + 1, settings.uploadRuns());
            var before = heap.collectAndSnapshot();
            try (var sampler = heap.sample()) {
                directSeconds.add(directPut(minio, file, "benchmark/direct-put-" + i));
                directCommitted = Math.max(
                        directCommitted,
                        Math.max(sampler.peakCommittedBytes(), heap.snapshot().committedBytes())
                                - before.committedBytes());
            }
            before = heap.collectAndSnapshot();
            int spyMark = spy.mark();
            String videoId;
            double postedAt;
            try (var sampler = heap.sample()) {
                postedAt = System.currentTimeMillis() / 1000.0;
                long start = System.nanoTime();
                videoId = api.upload(file).get("id").asText();
                apiSeconds.add((System.nanoTime() - start) / 1e9);
                apiCommitted = Math.max(
                        apiCommitted,
                        Math.max(sampler.peakCommittedBytes(), heap.snapshot().committedBytes())
                                - before.committedBytes());
            }
            api.deleteVideo(videoId);
            timing.append(String.format(
                    Locale.ROOT,
                    " run %d: direct put %.1f s, POST /v1/videos %.1f s (receiving, parsing and storing until the"
                            + " api's ffprobe starts %s, ffprobe %s);",
                    i + 1,
                    directSeconds.get(i),
                    apiSeconds.get(i),
                    seconds(spy.runsSince(spyMark).stream()
                                    .filter(r -> r.tool().equals("ffprobe"))
                                    .mapToDouble(FfmpegSpy.Run::startEpochSeconds)
                                    .min()
                                    .orElse(postedAt)
                            - postedAt),
                    probeSeconds(spyMark)));
        }

        Console.step("1 GiB upload, heap run: live heap sampled with full GCs about every second");
        long baseline = heap.liveBytes();
        var directLive = new LiveHeap(heap);
        try (directLive) {
            directPut(minio, file, "benchmark/direct-put-heap");
        }
        String videoId;
        var apiLive = new LiveHeap(heap);
        try (apiLive) {
            videoId = api.upload(file).get("id").asText();
        }
        api.deleteVideo(videoId);
        long after = heap.liveBytes();
        long apiGrowth = apiLive.max() - baseline;
        long directGrowth = directLive.max() - baseline;

        double apiRate = size / median(apiSeconds) / MB;
        double directRate = size / median(directSeconds) / MB;
        report.row(
                "upload 1 GiB through POST /v1/videos: throughput",
                String.format(Locale.ROOT, "%.0f MB/s (%.1f s)", apiRate, median(apiSeconds)),
                String.format(Locale.ROOT, "direct S3 put %.0f MB/s (%.1f s)", directRate, median(directSeconds)),
                "≥ 70 % of direct",
                apiRate >= 0.7 * directRate,
                String.format(Locale.ROOT, "%.0f %%", 100 * apiRate / directRate));
        report.row(
                "upload 1 GiB: live heap growth of the standalone JVM during the upload",
                "+" + megabytes(apiGrowth),
                "direct put into the same JVM's S3 stand-in +" + megabytes(directGrowth),
                "≤ 64 MB",
                apiGrowth <= 64 * MB,
                apiGrowth <= 64 * MB ? "" : overBy((apiGrowth - 64 * MB) / MB, "MB"));
        report.detail(
                "1 GiB upload (%d bytes), timed runs without heap sampling:%s heap run: live heap (GC.class_histogram"
                        + " totals) before %s, during the direct put %s samples max %s, during POST /v1/videos %s samples"
                        + " max %s, after %s; committed heap grew by up to %s (direct put) and %s (POST /v1/videos) in"
                        + " the timed runs (default heap settings: G1 grows the heap under allocation pressure, the"
                        + " growth is garbage, not retained)",
                size,
                timing,
                megabytes(baseline),
                directLive.samples(),
                megabytes(directLive.max()),
                apiLive.samples(),
                megabytes(apiLive.max()),
                megabytes(after),
                megabytes(directCommitted),
                megabytes(apiCommitted));
    }

    private static double directPut(MinioClient minio, Path file, String key) throws Exception {
        long start = System.nanoTime();
        minio.uploadObject(UploadObjectArgs.builder()
                .bucket(BUCKET)
                .object(key)
                .filename(file.toString())
                .contentType("video/mp4")
                .build());
        double seconds = (System.nanoTime() - start) / 1e9;
        minio.removeObject(RemoveObjectArgs.builder().bucket(BUCKET).object(key).build());
        return seconds;
    }

    /** Live-heap samples (full GC each) about once a second on a background thread, until closed. */
    private static final class LiveHeap implements AutoCloseable {

        private final HeapProbe heap;
        private final Thread thread;
        private final java.util.concurrent.atomic.AtomicLong max = new java.util.concurrent.atomic.AtomicLong();
        private final java.util.concurrent.atomic.AtomicInteger samples =
                new java.util.concurrent.atomic.AtomicInteger();
        private volatile boolean stopped;

        LiveHeap(HeapProbe heap) {
            this.heap = heap;
            this.thread = new Thread(this::sample, "live-heap");
            thread.setDaemon(true);
            thread.start();
        }

        private void sample() {
            while (!stopped) {
                max.accumulateAndGet(heap.liveBytes(), Math::max);
                samples.incrementAndGet();
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        long max() {
            return max.get();
        }

        int samples() {
            return samples.get();
        }

        @Override
        public void close() throws InterruptedException {
            stopped = true;
            thread.join(60_000);
        }
    }

    private String probeSeconds(int spyMark) {
        return seconds(spy.runsSince(spyMark).stream()
                .filter(r -> r.tool().equals("ffprobe"))
                .mapToDouble(FfmpegSpy.Run::seconds)
                .sum());
    }

    private void statusLoad(ApiClient api, StandaloneUnderTest standalone, String taskId) {
        var url = api.taskUri(taskId);
        Console.step(
                "status load: 3 s warm-up, then %d s measured",
                settings.loadDuration().toSeconds());
        StatusLoad.run(url, api.token(), settings.loadThreads(), settings.loadConnections(), Duration.ofSeconds(3));
        double cpuBefore = cpuSeconds(standalone.pid());
        var threadsBefore = ThreadCpu.take(standalone.pid());
        var result = StatusLoad.run(
                url, api.token(), settings.loadThreads(), settings.loadConnections(), settings.loadDuration());
        var threads = ThreadCpu.take(standalone.pid()).since(threadsBefore);
        double cpuUsed = cpuSeconds(standalone.pid()) - cpuBefore;
        double requests = Math.max(1, result.requests());
        double serviceMillis = 1000 * threads.service() / requests;
        report.row(
                "GET /v1/tasks/{id}: CPU of the service per request (api threads, stand-ins apart)",
                String.format(Locale.ROOT, "%.3f ms", serviceMillis),
                String.format(Locale.ROOT, "whole JVM %.3f ms", 1000 * cpuUsed / requests),
                "≤ 0.25 ms",
                serviceMillis <= 0.25,
                overBy(serviceMillis - 0.25, "ms"));
        report.detail(
                "status load CPU per request from per-thread counters: service %.3f ms (Tomcat threads %.3f ms),"
                        + " MongoDB stand-in and other stand-ins %.3f ms, JVM (GC, JIT) %.3f ms",
                serviceMillis,
                1000 * threads.http() / requests,
                1000 * threads.standIns() / requests,
                1000 * threads.jvm() / requests);
        boolean clean = result.non2xx() == 0 && result.socketErrors().isEmpty();
        report.row(
                "GET /v1/tasks/{id}: requests per second",
                String.format(Locale.ROOT, "%.0f req/s", result.requestsPerSecond()),
                "-",
                "≥ 5,000 req/s",
                result.requestsPerSecond() >= 5000 && clean,
                clean ? String.format(Locale.ROOT, "%.0f %%", result.requestsPerSecond() / 50) : "errors");
        report.row(
                "GET /v1/tasks/{id}: latency p99 (p50)",
                String.format(Locale.ROOT, "%.1f ms (%.2f ms)", result.p99Millis(), result.p50Millis()),
                "-",
                "p99 ≤ 20 ms",
                result.p99Millis() <= 20 && clean,
                result.p99Millis() <= 20 ? "" : overBy(result.p99Millis() - 20, "ms"));
        report.detail(
                "status load: `%s` from a separate process on the same cores; %d requests, non-2xx %d, socket"
                        + " errors '%s', p90 %.1f ms; the standalone JVM used %.1f CPU-seconds = %.2f ms CPU per request"
                        + " (5,000 req/s on 2 cores needs < 0.40 ms, less what wrk itself uses)",
                result.command(),
                result.requests(),
                result.non2xx(),
                result.socketErrors(),
                result.p90Millis(),
                cpuUsed,
                1000 * cpuUsed / Math.max(1, result.requests()));
    }

    private static double ownCpuSeconds() {
        return ProcessHandle.current()
                        .info()
                        .totalCpuDuration()
                        .orElse(Duration.ZERO)
                        .toNanos()
                / 1e9;
    }

    /** utime + stime of a process from /proc/PID/stat (fields 14 and 15, counted after the command name). */
    private static double cpuSeconds(long pid) {
        try {
            var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) FfmpegSpy.CLOCK_TICKS;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String masked(FfmpegSpy.Run run) {
        var args = new ArrayList<>(run.args());
        args.set(args.size() - 1, "<output file>");
        return String.join(" ", args).replaceAll("http://\\S+", "<presigned source URL>");
    }

    private static String overBy(double amount, String unit) {
        return amount <= 0 ? "" : String.format(Locale.ROOT, "over by %.2f %s", amount, unit);
    }

    private static String seconds(double value) {
        return String.format(Locale.ROOT, "%.2f s", value);
    }

    private static String megabytes(double bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / MB);
    }

    private static String list(List<Double> values) {
        return values.stream()
                .map(v -> String.format(Locale.ROOT, "%.2f", v))
                .reduce((a, b) -> a + ", " + b)
                .map(s -> "[" + s + "] s")
                .orElse("[]");
    }

    static double median(List<Double> values) {
        var sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
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
