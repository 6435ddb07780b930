package org.vidcut.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The baseline of a task: the worker's own ffmpeg commands that read the source (taken from the wrapper's log),
 * run again on the local file through the same wrapper, one after the other, in the same run as the task.
 */
final class RawFfmpeg {

    /** Per repetition: wall seconds and ffmpeg's CPU seconds, summed over the commands. */
    record Runs(List<Double> seconds, List<Double> cpuSeconds) {

        static Runs empty() {
            return new Runs(new ArrayList<>(), new ArrayList<>());
        }

        void addAll(Runs other) {
            seconds.addAll(other.seconds());
            cpuSeconds.addAll(other.cpuSeconds());
        }
    }

    private RawFfmpeg() {}

    static Runs replay(Session session, List<FfmpegSpy.Run> workerRuns, String extension, int times) {
        var spy = session.spy();
        var output = session.settings().workDir().resolve("raw-output." + extension);
        var commands = workerRuns.stream()
                .map(run -> FfmpegSpy.localEquivalent(
                        run, spy.ffmpeg(), session.media().tenMinutes(), output))
                .toList();
        var runs = Runs.empty();
        for (int i = 0; i < times; i++) {
            double seconds = 0;
            double cpu = 0;
            for (var command : commands) {
                int mark = spy.mark();
                seconds += Processes.check(command, Session.TASK_TIMEOUT).nanos() / 1e9;
                cpu += spy.runsSince(mark).get(0).cpuSeconds();
            }
            runs.seconds().add(seconds);
            runs.cpuSeconds().add(cpu);
        }
        delete(output);
        return runs;
    }

    /** The logged command with the presigned URL and the output path masked, for the details. */
    static String masked(FfmpegSpy.Run run) {
        var args = new ArrayList<>(run.args());
        args.set(args.size() - 1, "<output file>");
        return String.join(" ", args).replaceAll("http://\\S+", "<presigned source URL>");
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
