package org.vidcut.benchmark;

import java.util.ArrayList;
import java.util.Locale;
import java.util.function.Function;

/**
 * A re-encoding task (exact trim, resize, convert) end to end against the worker's own commands run raw on the
 * local file, vidcut and raw alternating (v, r, r, v, …), plus the cost rows. One instance per operation; the
 * operations differ only in their request and output container.
 */
final class Reencode implements Measurement {

    /**
     * Forced to a full re-encode by asking for the source's own size (a resize always re-encodes): the plain exact
     * trim is smart where it can be (the "smart" row), and its joined parts cannot be replayed raw.
     */
    static Reencode exactTrim() {
        return new Reencode(
                "exact trim 60-90 s (full re-encode)",
                session -> TaskRequest.trim(session.sourceId(), 60, 90)
                        .exact()
                        .resize(
                                session.source().path("width").asInt(),
                                session.source().path("height").asInt()),
                "mp4");
    }

    static Reencode resize() {
        return new Reencode(
                "resize to 1280x720, 60 s segment 60-120 s",
                session -> TaskRequest.trim(session.sourceId(), 60, 120).resize(1280, 720),
                "mp4");
    }

    static Reencode webm() {
        return new Reencode(
                "convert to webm (VP9/Opus), 30 s segment 60-90 s",
                session -> TaskRequest.trim(session.sourceId(), 60, 90).format("webm"),
                "webm");
    }

    private final String name;
    private final Function<Session, TaskRequest> request;
    private final String extension;

    private Reencode(String name, Function<Session, TaskRequest> request, String extension) {
        this.name = name;
        this.request = request;
        this.extension = extension;
    }

    @Override
    public String row() {
        return "encode";
    }

    @Override
    public void measure(Session session) {
        int runs = session.settings().encodeRuns();
        Console.step("%s: %d × (vidcut task, raw ffmpeg), order alternating", name, runs);
        var body = request.apply(session);
        var samples = new ArrayList<TaskSample>();
        var clientCpu = new ArrayList<Double>();
        var raw = RawFfmpeg.Runs.empty();
        for (int i = 0; i < runs; i++) {
            // the raw run needs the worker's commands, so the first round starts with vidcut; then the order flips
            boolean rawFirst = i % 2 == 1;
            if (rawFirst) {
                raw.addAll(RawFfmpeg.replay(session, samples.get(i - 1).sourceReads(), extension, 1));
            }
            double clientBefore = Processes.ownCpuSeconds();
            var sample = TaskSample.take(session, body);
            clientCpu.add(Processes.ownCpuSeconds() - clientBefore);
            samples.add(sample);
            if (!rawFirst) {
                raw.addAll(RawFfmpeg.replay(session, sample.sourceReads(), extension, 1));
            }
        }
        var last = samples.get(samples.size() - 1);
        var operation = name + (last.method().isEmpty() ? "" : " (method " + last.method() + ")");
        double vidcut = TaskCostRows.median(samples, s -> s.run().seconds());
        double baseline = Format.median(raw.seconds());
        session.report()
                .row(
                        operation + ", end to end",
                        Format.seconds(vidcut),
                        "raw ffmpeg " + Format.seconds(baseline),
                        "≤ 1.10 × raw",
                        Report.Outcome.of(
                                vidcut <= 1.10 * baseline, String.format(Locale.ROOT, "%.2f ×", vidcut / baseline)));
        TaskCostRows.add(session, name, samples, raw, null);
        session.report()
                .detail(
                        "%s: end to end per run %s, the worker's ffmpeg alone %s using %s CPU; raw per run %s using"
                                + " %s CPU; meanwhile the standalone JVM used %s CPU and the benchmark's client %s",
                        name,
                        Format.list(samples.stream().map(s -> s.run().seconds()).toList()),
                        Format.list(samples.stream().map(TaskSample::ffmpegWall).toList()),
                        Format.list(samples.stream().map(TaskSample::ffmpegCpu).toList()),
                        Format.list(raw.seconds()),
                        Format.list(raw.cpuSeconds()),
                        Format.list(
                                samples.stream().map(TaskSample::jvmCpuSeconds).toList()),
                        Format.list(clientCpu));
        for (var run : last.sourceReads()) {
            session.report().detail("worker's command (%s): `%s`", name, RawFfmpeg.masked(run));
        }
    }
}
