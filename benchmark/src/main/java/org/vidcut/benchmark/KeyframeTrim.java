package org.vidcut.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Keyframe trim 60-90 s (stream copy): end to end against the worker's own command run raw, the bytes read from
 * storage against the result's size, and the cost rows. Runs first and always: it warms the JVM up and leaves a
 * finished task for the status measurements.
 */
final class KeyframeTrim implements Measurement {

    private static final String NAME = "keyframe trim 60-90 s";

    @Override
    public String row() {
        return "keyframe";
    }

    @Override
    public void measure(Session session) {
        var settings = session.settings();
        var request = TaskRequest.trim(session.sourceId(), 60, 90).keyframe();
        Console.step("keyframe trim: 2 warm-up tasks, then %d measured", settings.keyframeRuns());
        String warmUpTask = null;
        for (int i = 0; i < 2; i++) {
            warmUpTask = session.tasks().run(request).id();
        }
        if (settings.warmupSeconds() > 0) {
            // a server in service has run these code paths thousands of times; a fresh JVM interprets them and
            // spends a core on JIT compilation, which would be charged to whatever runs next
            Console.step("JIT warm-up: %d s of GET /v1/tasks/{id}", settings.warmupSeconds());
            StatusLoad.run(
                    session.api().taskUri(warmUpTask),
                    session.api().token(),
                    List.of(),
                    settings.loadThreads(),
                    settings.loadConnections(),
                    Duration.ofSeconds(settings.warmupSeconds()));
        }
        var samples = new ArrayList<TaskSample>();
        var sent = new ArrayList<Double>();
        var resultBytes = new ArrayList<Double>();
        var egress = StorageEgress.install(session.standalone().s3().getPort());
        try {
            for (int i = 0; i < settings.keyframeRuns(); i++) {
                long egressBefore = egress.map(StorageEgress::bytes).orElse(0L);
                var sample = TaskSample.take(session, request);
                sent.add((double) (egress.map(StorageEgress::bytes).orElse(0L) - egressBefore));
                resultBytes.add((double) session.api().resultSize(sample.run().id()));
                samples.add(sample);
            }
        } finally {
            egress.ifPresent(StorageEgress::close);
        }
        var last = samples.get(samples.size() - 1);
        var raw = RawFfmpeg.replay(session, last.sourceReads(), "mp4", settings.keyframeRuns());
        double vidcut = TaskCostRows.median(samples, s -> s.run().seconds());
        double baseline = Format.median(raw.seconds());
        session.report()
                .row(
                        NAME + ", end to end (POST → done seen by the client)",
                        Format.seconds(vidcut),
                        "raw ffmpeg " + Format.seconds(baseline),
                        Target.atMost(baseline + 0.3, "s", "≤ raw + 0.30 s"),
                        vidcut);
        bytesRead(session, last.lastSourceRead(), egress, Format.median(sent), Format.median(resultBytes));
        timeline(session, samples);
        session.report()
                .detail(
                        "%s: end to end per run %s; raw per run %s; bytes sent by the S3 stand-in per task %s",
                        NAME,
                        Format.list(samples.stream().map(s -> s.run().seconds()).toList()),
                        Format.list(raw.seconds()),
                        egress.isPresent()
                                ? sent.stream().map(Format::megabytes).toList()
                                : "not counted (iptables unavailable)");
        session.report().detail("worker's keyframe command: `%s`", RawFfmpeg.masked(last.lastSourceRead()));
        TaskCostRows.add(session, "keyframe trim", samples, raw, TaskCostRows.KEYFRAME_SERVICE_CPU);
        session.findings().doneTaskId(last.run().id());
        session.findings().keyframeSeconds(vidcut);
    }

    private static void bytesRead(
            Session session, FfmpegSpy.Run workerRun, Optional<StorageEgress> egress, double sent, double result) {
        var replayOutput = session.settings().workDir().resolve("replay.mp4");
        long replayRead = FfmpegSpy.replayReadBytes(workerRun, Path.of("ffmpeg"), replayOutput);
        var local = FfmpegSpy.localEquivalent(
                workerRun, Path.of("ffmpeg"), session.media().tenMinutes(), replayOutput);
        long localRead = FfmpegSpy.replayReadBytes(
                new FfmpegSpy.Run("ffmpeg", 0, 0, 0, Map.of(), local.subList(1, local.size())),
                Path.of("ffmpeg"),
                replayOutput);
        double read = egress.isPresent() ? sent : replayRead;
        session.report()
                .row(
                        egress.isPresent()
                                ? "keyframe trim: bytes read from storage (S3 stand-in's egress, kernel count)"
                                : "keyframe trim: bytes read from storage (ffmpeg's own count, replayed)",
                        Format.megabytes(read),
                        "result " + Format.megabytes(result),
                        "≤ 2 × result",
                        read <= 2 * result
                                ? Report.Outcome.pass(String.format(Locale.ROOT, "%.2f ×", read / result))
                                : Report.Outcome.miss(Format.overBy((read - 2 * result) / Format.MB, "MB")));
        session.report()
                .detail(
                        "keyframe trim: the worker's command replayed with -v verbose: ffmpeg read %s from the"
                                + " presigned URL; the same command on the local file: ffmpeg read %s",
                        Format.megabytes(replayRead), Format.megabytes(localRead));
    }

    /** Where a task's wall time goes, from the wrapper log: spawn, version checks, ffmpeg, verification, the rest. */
    private static void timeline(Session session, List<TaskSample> samples) {
        var toFirstSpawn = new ArrayList<Double>();
        var versionChecks = new ArrayList<Double>();
        var verification = new ArrayList<Double>();
        var afterLastProcess = new ArrayList<Double>();
        var spawns = new ArrayList<Double>();
        for (var sample : samples) {
            var runs = sample.processes();
            var worker = sample.lastSourceRead();
            double posted = sample.run().postedAtEpochMillis() / 1000.0;
            toFirstSpawn.add(runs.get(0).startEpochSeconds() - posted);
            versionChecks.add(runs.stream()
                    .filter(r -> r.args().equals(List.of("-version")))
                    .mapToDouble(FfmpegSpy.Run::seconds)
                    .sum());
            verification.add(runs.stream()
                    .filter(r -> r.tool().equals("ffprobe")
                            && r.startEpochSeconds() >= worker.endEpochSeconds()
                            && !r.args().equals(List.of("-version")))
                    .mapToDouble(FfmpegSpy.Run::seconds)
                    .sum());
            afterLastProcess.add(
                    posted + sample.run().seconds() - runs.get(runs.size() - 1).endEpochSeconds());
            spawns.add((double) runs.size());
        }
        session.report()
                .detail(
                        "keyframe trim, medians of %d runs: POST → first ffmpeg/ffprobe process %s; `-version` checks"
                                + " %s; ffmpeg %s; ffprobe verification %s; last process ends → the client sees done"
                                + " (result upload, events, api, %s) %s; %.0f processes per task",
                        samples.size(),
                        Format.seconds(Format.median(toFirstSpawn)),
                        Format.seconds(Format.median(versionChecks)),
                        Format.seconds(TaskCostRows.median(samples, TaskSample::ffmpegWall)),
                        Format.seconds(Format.median(verification)),
                        session.tasks().channel(),
                        Format.seconds(Format.median(afterLastProcess)),
                        Format.median(spawns));
    }
}
