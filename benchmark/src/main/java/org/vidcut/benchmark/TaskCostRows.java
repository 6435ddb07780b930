package org.vidcut.benchmark;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * Issue 14's rows for one operation, which do not depend on the neighbours the way wall-time ratios do: the time
 * a task spends outside ffmpeg (task wall − ffmpeg wall) and the service's own CPU per task (api + worker
 * threads, the in-process stand-ins and the JVM's own threads apart), beside ffmpeg's CPU for the same
 * commands run raw in the same run. Medians over the samples.
 */
final class TaskCostRows {

    static final Target NOT_IN_FFMPEG = Target.atMost(0.15, "s");
    static final Target KEYFRAME_SERVICE_CPU = Target.atMost(0.05, "s");

    private TaskCostRows() {}

    /** {@code serviceCpu} is null where the operation has no CPU target (re-encodes): the figure is shown only. */
    static void add(
            Session session, String operation, List<TaskSample> samples, RawFfmpeg.Runs raw, Target serviceCpu) {
        var report = session.report();
        double notInFfmpeg = median(samples, TaskSample::notInFfmpeg);
        report.row(
                operation + ": time not spent in ffmpeg (task wall − ffmpeg wall)",
                Format.seconds(notInFfmpeg),
                "ffmpeg wall " + Format.seconds(median(samples, TaskSample::ffmpegWall)),
                NOT_IN_FFMPEG,
                notInFfmpeg);
        double service = median(samples, s -> s.cpu().service());
        var figure = Format.cpuSeconds(service);
        var baseline = String.format(
                Locale.ROOT,
                "ffmpeg CPU %s, raw ffmpeg CPU %s",
                Format.cpuSeconds(median(samples, TaskSample::ffmpegCpu)),
                Format.cpuSeconds(Format.median(raw.cpuSeconds())));
        var measurement = operation + ": CPU of the service per task (api + worker threads, stand-ins apart)";
        if (serviceCpu == null) {
            report.row(measurement, figure, baseline, "-", Report.Outcome.noTarget());
        } else {
            report.row(measurement, figure, baseline, serviceCpu, service);
        }
        report.detail(
                "%s, CPU per task from per-thread counters (jcmd Thread.print), medians of %d: service %.3f s, of"
                        + " which Tomcat threads %.3f s (the POST, %s) and the rest %.3f s; in-process stand-ins"
                        + " (Qpid, mongo-java-server, s3proxy) %.3f s; JVM (GC, JIT, the thread dumps) %.3f s; whole"
                        + " JVM %.3f s; completion seen on the %s: %.0f events, %.0f status requests per task; time"
                        + " not in ffmpeg per run %s",
                operation,
                samples.size(),
                service,
                median(samples, s -> s.cpu().http()),
                session.tasks().streaming() ? "the event stream" : "the polls",
                median(samples, s -> s.cpu().serviceWithoutHttp()),
                median(samples, s -> s.cpu().standIns()),
                median(samples, s -> s.cpu().jvm()),
                median(samples, TaskSample::jvmCpuSeconds),
                session.tasks().channel(),
                median(samples, s -> s.run().events()),
                median(samples, s -> s.run().statusRequests()),
                Format.list(samples.stream().map(TaskSample::notInFfmpeg).toList()));
    }

    static double median(List<TaskSample> samples, ToDoubleFunction<TaskSample> figure) {
        return Format.median(samples.stream().map(s -> figure.applyAsDouble(s)).toList());
    }
}
