package org.vidcut.worker.conversion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.vidcut.contracts.ConversionJob;
import org.vidcut.worker.WorkerProperties;
import org.vidcut.worker.storage.ObjectStore;

/**
 * One conversion, start to end: presigned source, ffmpeg into a temporary file, ffprobe verification, upload,
 * clean-up. Progress goes to a {@link ProgressSink} once per heartbeat interval for as long as the job runs
 * (upload included). Failures are thrown; {@link FailurePolicy} classifies them.
 */
public class ConversionService implements Converter, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ConversionService.class);
    /** The presigned source URL must outlive the ffmpeg run by a margin: ffmpeg may re-open it late. */
    private static final Duration URL_MARGIN = Duration.ofMinutes(10);

    private static final int REMEMBERED_CANCELS = 10_000;

    private final WorkerProperties properties;
    private final ObjectStore store;
    private final ConversionTimeouts timeouts;
    private final ScheduledExecutorService scheduler;
    private final FfmpegRunner runner;
    private final MediaInspector inspector;
    private final OutputMaker maker;
    /** Recently canceled attempts, so that a job still queued when it was canceled does not run later. */
    private final Set<String> canceled = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_CANCELS;
        }
    }));

    public ConversionService(WorkerProperties properties, ObjectStore store) {
        this(properties, store, ConversionMetrics.unregistered());
    }

    public ConversionService(WorkerProperties properties, ObjectStore store, ConversionMetrics metrics) {
        this.properties = properties;
        this.store = store;
        this.timeouts = new ConversionTimeouts(
                properties.timeoutBase(), properties.timeoutPerInputSecond(), properties.timeoutMax());
        var threads = new AtomicInteger();
        var executor = new ScheduledThreadPoolExecutor(properties.concurrency() + 1, task -> {
            var thread = new Thread(task, "conversion-timer-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        this.scheduler = Executors.unconfigurableScheduledExecutorService(executor);
        this.runner = new FfmpegRunner(
                properties.ffmpegPath(),
                properties.workDir(),
                scheduler,
                MemoryCeiling.of(properties.ffmpegMemoryLimit()));
        this.inspector = new MediaInspector(properties.ffprobePath());
        this.maker = new OutputMaker(properties, runner, metrics, inspector);
    }

    @Override
    public ConversionResult convert(ConversionJob job, ProgressSink progress) {
        check(job);
        var run = runKey(job.taskId(), job.attempt());
        if (canceled.contains(run)) {
            throw new ConversionCanceled();
        }
        var asked = job.operations();
        var timeout = timeouts.forOutput(asked.outputSeconds());
        var output = prepareOutput(job);
        var heartbeat = new Heartbeat(asked.outputSeconds(), progress, MDC.getCopyOfContextMap());
        var interval = properties.heartbeatInterval().toMillis();
        var beats = scheduler.scheduleAtFixedRate(heartbeat::beat, interval, interval, TimeUnit.MILLISECONDS);
        try {
            var input = store.readableLocation(job.sourceObjectKey(), timeout.plus(URL_MARGIN));
            var supervision = new MediaInspector.Supervision(runner, timeout, run);
            var source = inspector.read(input, asked, supervision, maker.trimsSmartly(asked));
            if (canceled.contains(run)) {
                // canceled while the source was probed, between two runs: ffmpeg must not start
                throw new ConversionCanceled();
            }
            var produced = maker.make(asked, source, input, output, timeout, heartbeat, run);
            var verified = produced.verified();
            // a stream copy of a phone video keeps its rotation
            var shown = produced.shown();
            store.store(job.resultObjectKey(), output, asked.format().contentType());
            return new ConversionResult(
                    job.resultObjectKey(),
                    verified.sizeBytes(),
                    verified.durationSeconds(),
                    verified.width(),
                    verified.height(),
                    verified.videoCodec(),
                    verified.audioCodec(),
                    verified.startSeconds(),
                    verified.endSeconds(),
                    shown == null ? null : shown.rotation(),
                    shown == null ? null : shown.tracks(),
                    produced.method());
        } finally {
            beats.cancel(false);
            heartbeat.stop();
            deleteQuietly(output);
        }
    }

    /**
     * Stops the ffmpeg of this attempt if it runs here, and refuses to start it later (its job may still be
     * queued); {@link #convert} then throws {@link ConversionCanceled}. Whatever the attempt already stored is the
     * api's to discard: it ignores a canceled attempt's result.
     */
    public void cancel(String taskId, int attempt) {
        var run = runKey(taskId, attempt);
        canceled.add(run);
        if (runner.cancel(run)) {
            log.info("stopped ffmpeg of task {} attempt {}: canceled", taskId, attempt);
        }
    }

    private static String runKey(String taskId, int attempt) {
        return taskId + "#" + attempt;
    }

    /** Kills running ffmpeg processes and refuses new runs; their jobs fail with {@link ConversionFailed#workerShuttingDown()}. */
    public void stopAll() {
        runner.stopAll();
    }

    public int runningCount() {
        return runner.runningCount();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    private static void check(ConversionJob job) {
        if (job.operations() == null || job.operations().format() == null) {
            throw ConversionFailed.jobInvalid("invalid job: no operations or no format");
        }
        if (isBlank(job.sourceObjectKey()) || isBlank(job.resultObjectKey())) {
            throw ConversionFailed.jobInvalid("invalid job: missing object key");
        }
        var operations = job.operations();
        // a still frame is one picture at the start: its range is empty
        var still = operations.format().isStill();
        if (operations.startSeconds() < 0 || !(operations.outputSeconds() > 0 || still)) {
            throw ConversionFailed.jobInvalid("invalid job: empty time range");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private Path prepareOutput(ConversionJob job) {
        try {
            Files.createDirectories(properties.workDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var safeTaskId = job.taskId().replaceAll("[^A-Za-z0-9_-]", "_");
        var name = safeTaskId + "-" + job.attempt() + "-" + UUID.randomUUID() + "."
                + job.operations().format().fileExtension();
        return properties.workDir().resolve(name);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("could not delete {}: {}", file, e.toString());
        }
    }
}
