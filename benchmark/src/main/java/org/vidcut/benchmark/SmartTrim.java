package org.vidcut.benchmark;

import java.util.ArrayList;
import java.util.Locale;

/**
 * Exact trim 60-90 s three ways (DESIGN.md "Smart exact trims"): the plain exact trim, which the server may do
 * smartly (re-encoding only the partial GOPs at both ends, {@code result.method = smart}); a full re-encode of the
 * same range, forced by asking for the source's own size (a resize always re-encodes); and the keyframe trim
 * measured earlier. A server without smart trims answers {@code reencode} (or no method): the rows say n/a.
 */
final class SmartTrim implements Measurement {

    private static final String NAME = "exact trim 60-90 s: smart vs full re-encode vs keyframe";

    @Override
    public String row() {
        return "smart";
    }

    @Override
    public void measure(Session session) {
        int runs = session.settings().encodeRuns();
        var source = session.source();
        var smartRequest = TaskRequest.trim(session.sourceId(), 60, 90).exact();
        var fullRequest = TaskRequest.trim(session.sourceId(), 60, 90)
                .exact()
                .resize(source.path("width").asInt(), source.path("height").asInt());
        Console.step("%s: %d × (exact trim, exact trim forced to re-encode)", NAME, runs);
        var smart = new ArrayList<TaskSample>();
        var full = new ArrayList<TaskSample>();
        for (int i = 0; i < runs; i++) {
            smart.add(TaskSample.take(session, smartRequest));
            full.add(TaskSample.take(session, fullRequest));
        }
        var report = session.report();
        var smartMethod = smart.get(0).method();
        var fullMethod = full.get(0).method();
        var target = "≤ 2.5 × keyframe, ≤ 0.2 × full re-encode's ffmpeg";
        if (!smartMethod.equals("smart")) {
            report.notMeasured(
                    NAME + ", end to end",
                    target,
                    smartMethod.isEmpty() ? "the task view has no result.method" : "result.method " + smartMethod);
            return;
        }
        if (fullMethod.equals("smart")) {
            report.notMeasured(NAME + ", end to end", target, "a resize to the source's size was trimmed smartly");
            return;
        }
        double smartSeconds = TaskCostRows.median(smart, s -> s.run().seconds());
        double fullSeconds = TaskCostRows.median(full, s -> s.run().seconds());
        double fullFfmpeg = TaskCostRows.median(full, TaskSample::ffmpegWall);
        double keyframe = session.findings().keyframeSeconds();
        report.row(
                "exact trim 60-90 s, smart, end to end: against the keyframe trim",
                "smart " + Format.seconds(smartSeconds),
                "keyframe trim " + Format.seconds(keyframe),
                "≤ 2.5 × keyframe",
                Report.Outcome.of(
                        smartSeconds <= 2.5 * keyframe, String.format(Locale.ROOT, "%.2f ×", smartSeconds / keyframe)));
        report.row(
                "exact trim 60-90 s, smart, end to end: against the full re-encode's ffmpeg time",
                "smart " + Format.seconds(smartSeconds),
                String.format(
                        Locale.ROOT,
                        "full re-encode (%s): ffmpeg %s, end to end %s",
                        fullMethod.isEmpty() ? "no method" : fullMethod,
                        Format.seconds(fullFfmpeg),
                        Format.seconds(fullSeconds)),
                "≤ 0.2 × full re-encode's ffmpeg",
                Report.Outcome.of(
                        smartSeconds <= 0.2 * fullFfmpeg,
                        String.format(Locale.ROOT, "%.2f ×", smartSeconds / fullFfmpeg)));
        double smartCpu = TaskCostRows.median(smart, TaskSample::ffmpegCpu);
        double fullCpu = TaskCostRows.median(full, TaskSample::ffmpegCpu);
        report.row(
                "exact trim 60-90 s: ffmpeg CPU per task, smart vs full re-encode",
                "smart " + Format.cpuSeconds(smartCpu),
                "full re-encode " + Format.cpuSeconds(fullCpu),
                "smart < full re-encode",
                Report.Outcome.of(smartCpu < fullCpu, String.format(Locale.ROOT, "%.2f ×", smartCpu / fullCpu)));
        report.detail(
                "%s: smart per run %s (%.0f ffmpeg runs per task, time not in ffmpeg %s); full re-encode per run %s"
                        + " (time not in ffmpeg %s)",
                NAME,
                Format.list(smart.stream().map(s -> s.run().seconds()).toList()),
                TaskCostRows.median(smart, s -> s.ffmpegRuns().size()),
                Format.list(smart.stream().map(TaskSample::notInFfmpeg).toList()),
                Format.list(full.stream().map(s -> s.run().seconds()).toList()),
                Format.list(full.stream().map(TaskSample::notInFfmpeg).toList()));
        for (var run : smart.get(smart.size() - 1).ffmpegRuns()) {
            report.detail("smart trim's command: `%s`", RawFfmpeg.masked(run));
        }
    }
}
