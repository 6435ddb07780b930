package org.vidcut.worker.conversion;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.vidcut.contracts.FailureKind;
import org.vidcut.support.storage.StorageUnavailable;
import org.vidcut.worker.storage.SourceObjectMissing;

/**
 * Turns whatever ended an attempt into what the api is told. A {@link ConversionFailed} already carries its kind:
 * FINAL when the input or the parameters are at fault (unreadable or corrupt media, ffmpeg rejecting the
 * parameters, an output that fails verification, a timeout, the memory ceiling), TRANSIENT when the surroundings
 * are (ffmpeg missing, this worker stopping). The store's own facts are mapped here: a missing source is final,
 * an unavailable store transient; any other exception is the worker's own trouble, so transient. The api decides
 * whether a transient failure gets another attempt; the worker never retries itself.
 */
public final class FailurePolicy {

    private FailurePolicy() {}

    public static Failure classify(Throwable failure) {
        if (failure instanceof ConversionFailed known) {
            return known.failure();
        }
        if (failure instanceof SourceObjectMissing) {
            return new Failure(FailureKind.FINAL, ConversionFailed.oneLine(failure.getMessage()));
        }
        if (failure instanceof StorageUnavailable) {
            return transientFailure("storage unavailable: " + failure.getMessage());
        }
        if (failure instanceof IOException || failure instanceof UncheckedIOException) {
            return transientFailure("worker I/O error: " + failure.getClass().getSimpleName());
        }
        return transientFailure("unexpected worker error: " + failure.getClass().getSimpleName());
    }

    private static Failure transientFailure(String reason) {
        return new Failure(FailureKind.TRANSIENT, ConversionFailed.oneLine(reason));
    }
}
