package org.vidcut.benchmark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * One task measured from outside: its wall time (POST until the client saw {@code done}), the processes the worker
 * spawned for it (from the ffmpeg wrapper's log), the service's CPU by thread group over the task, and the whole
 * JVM's CPU over the task.
 */
record TaskSample(TaskRunner.TaskRun run, List<FfmpegSpy.Run> processes, ThreadCpu.Split cpu, double jvmCpuSeconds) {

    /** Runs the task and takes the counters around it. */
    static TaskSample take(Session session, TaskRequest request) {
        var spy = session.spy();
        int mark = spy.mark();
        double jvmBefore = Processes.cpuSeconds(session.pid());
        var threadsBefore = ThreadCpu.take(session.pid());
        var run = session.tasks().run(request);
        var cpu = ThreadCpu.take(session.pid()).since(threadsBefore);
        double jvm = Processes.cpuSeconds(session.pid()) - jvmBefore;
        var sample = new TaskSample(run, List.copyOf(spy.runsSince(mark)), cpu, jvm);
        if (sample.sourceReads().isEmpty()) {
            throw new IllegalStateException("no ffmpeg run of the worker logged for task " + run.id()
                    + ": is VIDCUT_WORKER_FFMPEGPATH honoured?");
        }
        return sample;
    }

    /** ffmpeg runs (version checks aside): one for a plain task, several for a smart trim. */
    List<FfmpegSpy.Run> ffmpegRuns() {
        return processes.stream()
                .filter(r -> r.tool().equals("ffmpeg") && !r.args().equals(List.of("-version")))
                .toList();
    }

    /** The ffmpeg runs that read the source from storage: the ones a raw baseline can replay on the local file. */
    List<FfmpegSpy.Run> sourceReads() {
        return ffmpegRuns().stream().filter(FfmpegSpy.Run::readsOverHttp).toList();
    }

    /** Wall time during which at least one ffmpeg of the task ran (overlapping runs counted once). */
    double ffmpegWall() {
        var runs = new ArrayList<>(ffmpegRuns());
        runs.sort(Comparator.comparingDouble(FfmpegSpy.Run::startEpochSeconds));
        double total = 0;
        double coveredUntil = Double.NEGATIVE_INFINITY;
        for (var run : runs) {
            double from = Math.max(run.startEpochSeconds(), coveredUntil);
            if (run.endEpochSeconds() > from) {
                total += run.endEpochSeconds() - from;
                coveredUntil = run.endEpochSeconds();
            }
        }
        return total;
    }

    double ffmpegCpu() {
        return ffmpegRuns().stream().mapToDouble(FfmpegSpy.Run::cpuSeconds).sum();
    }

    /** The service's share of the wall time: task wall − ffmpeg wall. */
    double notInFfmpeg() {
        return run.seconds() - ffmpegWall();
    }

    /** {@code result.method} of the done task ({@code smart}, {@code reencode}, {@code copy}); empty if absent. */
    String method() {
        return run.task().path("result").path("method").asText("");
    }

    /** The last source-reading ffmpeg command, as logged, for the details. */
    FfmpegSpy.Run lastSourceRead() {
        var reads = sourceReads();
        return reads.get(reads.size() - 1);
    }
}
