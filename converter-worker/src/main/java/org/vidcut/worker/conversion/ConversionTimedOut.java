package org.vidcut.worker.conversion;

import java.time.Duration;

/** ffmpeg ran longer than the job's time limit and was killed. */
final class ConversionTimedOut extends RuntimeException {

    ConversionTimedOut(Duration limit) {
        super("conversion took longer than its limit of " + limit.toSeconds() + " s and was stopped");
    }
}
