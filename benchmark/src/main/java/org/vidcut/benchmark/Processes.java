package org.vidcut.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs short-lived helper processes (ffmpeg, ffprobe, jcmd, wrk) and captures what they print. */
final class Processes {

    private Processes() {}

    record Outcome(int exitCode, String output, long nanos) {}

    static Outcome run(List<String> command, Duration timeout) {
        return run(command, timeout, null);
    }

    /** Output (stdout and stderr merged) is read fully; {@code directory} may be null. */
    static Outcome run(List<String> command, Duration timeout, Path directory) {
        var builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        long start = System.nanoTime();
        try {
            var process = builder.start();
            process.getOutputStream().close();
            var output = new StringBuilder();
            var reader = new Thread(() -> {
                try {
                    output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    output.append("(output not readable: ").append(e).append(')');
                }
            });
            reader.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out after " + timeout + ": " + String.join(" ", command));
            }
            long nanos = System.nanoTime() - start;
            reader.join();
            return new Outcome(process.exitValue(), output.toString(), nanos);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Like {@link #run} but a non-zero exit is an error that shows the tail of the output. */
    static Outcome check(List<String> command, Duration timeout) {
        var outcome = run(command, timeout);
        if (outcome.exitCode() != 0) {
            throw new IllegalStateException("exit " + outcome.exitCode() + " from " + String.join(" ", command) + "\n"
                    + tail(outcome.output(), 1500));
        }
        return outcome;
    }

    /** utime + stime of a process from /proc/PID/stat (fields 14 and 15, counted after the command name). */
    static double cpuSeconds(long pid) {
        try {
            var stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) FfmpegSpy.CLOCK_TICKS;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The benchmark's own CPU time (its HTTP client, the event stream or the poller). */
    static double ownCpuSeconds() {
        return ProcessHandle.current()
                        .info()
                        .totalCpuDuration()
                        .orElse(Duration.ZERO)
                        .toNanos()
                / 1e9;
    }

    static String tail(String text, int chars) {
        return text.length() <= chars ? text : text.substring(text.length() - chars);
    }
}
