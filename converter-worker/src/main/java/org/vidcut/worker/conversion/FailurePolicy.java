package org.vidcut.worker.conversion;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.vidcut.contracts.FailureKind;
import org.vidcut.support.storage.StorageUnavailable;
import org.vidcut.worker.storage.SourceObjectMissing;

/**
 * Decides whether a failed attempt is worth another one. FINAL: the input or the parameters are at fault
 * (unreadable or corrupt media, ffmpeg rejecting the parameters, an output that fails verification, a missing
 * source, a timeout, the memory ceiling), so repeating cannot help. TRANSIENT: the surroundings are at fault (storage down, work
 * directory I/O, this worker stopping), so the api schedules another attempt. The worker never retries itself.
 */
public final class FailurePolicy {

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

    private FailurePolicy() {}

    public static Failure classify(Throwable failure) {
        if (failure instanceof SourceObjectMissing) {
            return new Failure(FailureKind.FINAL, failure.getMessage());
        }
        if (failure instanceof StorageUnavailable) {
            return transientFailure("storage unavailable: " + failure.getMessage());
        }
        if (failure instanceof WorkerShuttingDown) {
            return transientFailure("worker shutting down");
        }
        if (failure instanceof ConversionTimedOut
                || failure instanceof MemoryCeilingReached
                || failure instanceof OutputRejected
                || failure instanceof JobInvalid) {
            return finalFailure(failure.getMessage());
        }
        if (failure instanceof FfmpegFailed) {
            return ffmpegFailure(failure.getMessage());
        }
        if (failure instanceof FfmpegUnavailable) {
            return transientFailure("worker cannot run ffmpeg");
        }
        if (failure instanceof IOException || failure instanceof UncheckedIOException) {
            return transientFailure("worker I/O error: " + failure.getClass().getSimpleName());
        }
        return transientFailure("unexpected worker error: " + failure.getClass().getSimpleName());
    }

    private static Failure ffmpegFailure(String message) {
        var lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("server returned 404")) {
            return finalFailure("the source video cannot be read from storage (" + message + ")");
        }
        if (TRANSIENT_FFMPEG_MESSAGES.stream().anyMatch(lower::contains)) {
            return transientFailure("reading the source failed: " + message);
        }
        return finalFailure("ffmpeg cannot convert this video: " + message);
    }

    private static Failure finalFailure(String reason) {
        return new Failure(FailureKind.FINAL, oneLine(reason));
    }

    private static Failure transientFailure(String reason) {
        return new Failure(FailureKind.TRANSIENT, oneLine(reason));
    }

    private static String oneLine(String reason) {
        var line = reason == null ? "unknown" : reason.replaceAll("\\s+", " ").strip();
        return line.length() > MAX_REASON ? line.substring(0, MAX_REASON) + "..." : line;
    }
}
