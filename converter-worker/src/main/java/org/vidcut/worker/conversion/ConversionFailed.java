package org.vidcut.worker.conversion;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.vidcut.contracts.FailureKind;

/**
 * A conversion attempt failed for a reason the worker knows, carrying what the api is told: whether another
 * attempt could help ({@link FailureKind}) and the reason as one line without secrets. The factories name the
 * facts; each decides the kind once, where the fact is known, instead of a classifier telling types apart later.
 */
public final class ConversionFailed extends RuntimeException {

    private static final int MAX_REASON = 300;

    /** ffmpeg messages that mean it could not fetch the source, not that the source is bad. */
    private static final List<String> TRANSIENT_FFMPEG_MESSAGES = List.of(
            "connection refused",
            "connection reset",
            "timed out",
            "input/output error",
            "network is unreachable",
            "broken pipe",
            "server returned 5",
            "server returned 403",
            "no space left on device");

    private final Failure failure;
    private final ConversionMetrics.Outcome outcome;

    private ConversionFailed(FailureKind kind, String reason, ConversionMetrics.Outcome outcome, Throwable cause) {
        super(oneLine(reason), cause);
        this.failure = new Failure(kind, oneLine(reason));
        this.outcome = outcome;
    }

    private ConversionFailed(FailureKind kind, String reason, ConversionMetrics.Outcome outcome) {
        this(kind, reason, outcome, null);
    }

    /** The job decodes but cannot describe a conversion (missing keys or operations, empty time range). */
    static ConversionFailed jobInvalid(String reason) {
        return new ConversionFailed(FailureKind.FINAL, reason, ConversionMetrics.Outcome.FAILED);
    }

    /** ffmpeg finished but its output is not a usable result (empty, unreadable, missing streams, too large). */
    static ConversionFailed outputRejected(String reason) {
        return new ConversionFailed(FailureKind.FINAL, reason, ConversionMetrics.Outcome.FAILED);
    }

    /** ffmpeg ran longer than the job's time limit and was killed; the limit grows with the output, so final. */
    static ConversionFailed timedOut(Duration limit) {
        return new ConversionFailed(
                FailureKind.FINAL,
                "conversion took longer than its limit of " + limit.toSeconds() + " s and was stopped",
                ConversionMetrics.Outcome.TIMEOUT);
    }

    /** ffmpeg needed more memory than its ceiling allows; the same input would need it again. */
    static ConversionFailed memoryCeilingReached(MemoryCeiling ceiling, String ffmpegLine) {
        return new ConversionFailed(
                FailureKind.FINAL,
                "ffmpeg needed more memory than its ceiling of " + ceiling.describe()
                        + " (vidcut.worker.ffmpeg-memory-limit): " + ffmpegLine,
                ConversionMetrics.Outcome.FAILED);
    }

    /**
     * ffmpeg exited with an error, given as its last error line with locations masked: a source it could not fetch
     * is transient, a 404 on the source or anything else is the input's fault.
     */
    static ConversionFailed ffmpegFailed(String lastErrorLine) {
        var lower = lastErrorLine.toLowerCase(Locale.ROOT);
        if (lower.contains("server returned 404")) {
            return new ConversionFailed(
                    FailureKind.FINAL,
                    "the source video cannot be read from storage (" + lastErrorLine + ")",
                    ConversionMetrics.Outcome.FAILED);
        }
        if (TRANSIENT_FFMPEG_MESSAGES.stream().anyMatch(lower::contains)) {
            return new ConversionFailed(
                    FailureKind.TRANSIENT,
                    "reading the source failed: " + lastErrorLine,
                    ConversionMetrics.Outcome.FAILED);
        }
        return new ConversionFailed(
                FailureKind.FINAL,
                "ffmpeg cannot convert this video: " + lastErrorLine,
                ConversionMetrics.Outcome.FAILED);
    }

    /** ffmpeg or ffprobe could not be started on this worker: its installation is at fault, not the job. */
    static ConversionFailed ffmpegUnavailable(Throwable cause) {
        return new ConversionFailed(
                FailureKind.TRANSIENT, "worker cannot run ffmpeg", ConversionMetrics.Outcome.UNAVAILABLE, cause);
    }

    /** The worker is stopping and gave up the job; another worker can take it. */
    public static ConversionFailed workerShuttingDown() {
        return new ConversionFailed(FailureKind.TRANSIENT, "worker shutting down", ConversionMetrics.Outcome.STOPPED);
    }

    public Failure failure() {
        return failure;
    }

    ConversionMetrics.Outcome outcome() {
        return outcome;
    }

    static String oneLine(String reason) {
        var line = reason == null ? "unknown" : reason.replaceAll("\\s+", " ").strip();
        return line.length() > MAX_REASON ? line.substring(0, MAX_REASON) + "..." : line;
    }
}
