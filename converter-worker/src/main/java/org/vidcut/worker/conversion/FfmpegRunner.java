package org.vidcut.worker.conversion;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import net.bramp.ffmpeg.FFmpeg;
import net.bramp.ffmpeg.ProcessFunction;
import net.bramp.ffmpeg.builder.FFmpegBuilder;
import net.bramp.ffmpeg.progress.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs ffmpeg through ffmpeg-cli-wrapper with a time limit and under a {@link MemoryCeiling}. The wrapper blocks
 * until ffmpeg exits and offers no way to stop it, so the process is captured when it starts and killed from a
 * watchdog on timeout or shutdown.
 */
final class FfmpegRunner {

    private static final Logger log = LoggerFactory.getLogger(FfmpegRunner.class);

    enum StopReason {
        TIMEOUT,
        SHUTDOWN,
        CANCELED
    }

    private final String ffmpegPath;
    private final Path workDir;
    private final ScheduledExecutorService watchdog;
    private final MemoryCeiling ceiling;
    private final Set<Run> running = ConcurrentHashMap.newKeySet();
    private volatile boolean shuttingDown;
    /** What {@code ffmpeg -version} said on the first run; later runs skip that extra process. */
    private volatile String knownVersion;

    FfmpegRunner(String ffmpegPath, Path workDir, ScheduledExecutorService watchdog, MemoryCeiling ceiling) {
        this.ffmpegPath = ffmpegPath;
        this.workDir = workDir;
        this.watchdog = watchdog;
        this.ceiling = ceiling;
    }

    /**
     * @throws ConversionFailed when the limit passed and ffmpeg was killed, when ffmpeg failed because an
     *     allocation beyond its ceiling failed, when it exited with an error, when it cannot be started, or when
     *     {@link #stopAll()} killed it
     * @throws ConversionFailed when {@link #stopAll()} killed it
     * @throws ConversionCanceled when {@link #cancel(String)} killed it
     */
    void run(
            FFmpegBuilder command,
            Duration timeout,
            ProgressListener listener,
            String input,
            Path output,
            String runKey) {
        var run = new Run(runKey);
        running.add(run);
        var timer = watchdog.schedule(() -> run.stop(StopReason.TIMEOUT), timeout.toMillis(), TimeUnit.MILLISECONDS);
        var processOutput = new ProcessOutput();
        try {
            if (shuttingDown) {
                throw ConversionFailed.workerShuttingDown();
            }
            FFmpeg ffmpeg;
            try {
                ffmpeg = ffmpeg(run);
            } catch (IOException e) {
                throwIfStopped(run, timeout);
                throw ConversionFailed.ffmpegUnavailable(e);
            }
            ffmpeg.setProcessOutputStream(processOutput);
            ffmpeg.setProcessErrorStream(processOutput);
            try {
                ffmpeg.run(command, listener);
            } catch (IOException e) {
                throwIfStopped(run, timeout);
                var lines = processOutput.lines();
                log.debug("ffmpeg output: {}", lines);
                var exhaustion = MemoryCeiling.exhaustion(lines);
                if (exhaustion.isPresent()) {
                    throw ConversionFailed.memoryCeilingReached(
                            ceiling, ProcessOutput.mask(exhaustion.get().strip(), input, output.toString()));
                }
                throw ConversionFailed.ffmpegFailed(processOutput.lastError(input, output.toString()));
            }
            throwIfStopped(run, timeout);
        } finally {
            timer.cancel(false);
            running.remove(run);
        }
    }

    /**
     * Runs another command of the ffmpeg suite ({@code ffprobe}, or {@code ffmpeg} without progress) under the
     * same time limit, cancellation and memory ceiling as {@link #run}.
     *
     * @return every line it printed (stdout and stderr)
     */
    List<String> capture(List<String> command, Duration timeout, String input, String runKey) {
        var run = new Run(runKey);
        running.add(run);
        var timer = watchdog.schedule(() -> run.stop(StopReason.TIMEOUT), timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            if (shuttingDown) {
                throw ConversionFailed.workerShuttingDown();
            }
            var process = run.run(command);
            List<String> lines;
            try (var printed = process.getInputStream()) {
                lines = new String(printed.readAllBytes(), StandardCharsets.UTF_8)
                        .lines()
                        .toList();
            }
            var exit = process.waitFor();
            throwIfStopped(run, timeout);
            if (exit != 0) {
                var exhaustion = MemoryCeiling.exhaustion(lines);
                if (exhaustion.isPresent()) {
                    throw ConversionFailed.memoryCeilingReached(
                            ceiling, ProcessOutput.mask(exhaustion.get().strip(), input, null));
                }
                var last = lines.isEmpty() ? command.get(0) + " failed without a message" : lines.get(lines.size() - 1);
                throw ConversionFailed.ffmpegFailed(ProcessOutput.mask(last.strip(), input, null));
            }
            return lines;
        } catch (IOException e) {
            throwIfStopped(run, timeout);
            throw ConversionFailed.ffmpegUnavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.stop(StopReason.CANCELED);
            throw new ConversionCanceled();
        } finally {
            timer.cancel(false);
            running.remove(run);
        }
    }

    /**
     * A wrapper per run, because each run has its own process function (to kill it); the wrapper's constructor
     * would run {@code ffmpeg -version} every time, costing a process per job, so the first answer is reused.
     */
    private FFmpeg ffmpeg(Run run) throws IOException {
        var version = knownVersion;
        if (version == null) {
            var first = new FFmpeg(ffmpegPath, run);
            knownVersion = first.version();
            return first;
        }
        return new FFmpeg(ffmpegPath, run) {
            @Override
            public synchronized String version() {
                return version;
            }
        };
    }

    private static void throwIfStopped(Run run, Duration timeout) {
        var stopped = run.stopReason();
        if (stopped == StopReason.TIMEOUT) {
            throw ConversionFailed.timedOut(timeout);
        }
        if (stopped == StopReason.SHUTDOWN) {
            throw ConversionFailed.workerShuttingDown();
        }
        if (stopped == StopReason.CANCELED) {
            throw new ConversionCanceled();
        }
    }

    /** Kills the runs with this key. @return whether one was running */
    boolean cancel(String runKey) {
        var matching = running.stream().filter(run -> run.key.equals(runKey)).toList();
        matching.forEach(run -> run.stop(StopReason.CANCELED));
        return !matching.isEmpty();
    }

    /** Kills every running ffmpeg and refuses new runs: the worker is stopping. */
    void stopAll() {
        shuttingDown = true;
        running.forEach(run -> run.stop(StopReason.SHUTDOWN));
    }

    int runningCount() {
        return running.size();
    }

    /** One ffmpeg run: starts processes quietly (the wrapper's own starter logs the presigned URL). */
    private final class Run implements ProcessFunction {

        private final String key;

        private final AtomicReference<Process> process = new AtomicReference<>();
        private final AtomicReference<StopReason> stopReason = new AtomicReference<>();

        Run(String key) {
            this.key = key;
        }

        @Override
        public Process run(List<String> args) throws IOException {
            var started = new ProcessBuilder(ceiling.wrap(args))
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .start();
            process.set(started);
            if (stopReason.get() != null) {
                started.destroyForcibly();
            }
            return started;
        }

        void stop(StopReason reason) {
            if (stopReason.compareAndSet(null, reason)) {
                var current = process.get();
                log.warn("stopping ffmpeg: {}", reason.name().toLowerCase(Locale.ROOT));
                if (current != null) {
                    current.destroyForcibly();
                }
            }
        }

        StopReason stopReason() {
            return stopReason.get();
        }
    }
}
