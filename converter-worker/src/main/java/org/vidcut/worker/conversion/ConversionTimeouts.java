package org.vidcut.worker.conversion;

import java.time.Duration;

/**
 * How long one ffmpeg run may take: a fixed base plus a share per second of output, and never more than
 * {@code max}, so that a long claimed duration cannot buy a run of days.
 */
record ConversionTimeouts(Duration base, Duration perOutputSecond, Duration max) {

    Duration forOutput(double outputSeconds) {
        var seconds = outputSeconds > 0 ? outputSeconds : 0;
        // in double arithmetic: a huge claimed duration must reach the ceiling, not overflow a Duration
        double budgetMillis = base.toMillis() + (double) perOutputSecond.toMillis() * seconds;
        return budgetMillis >= max.toMillis() ? max : Duration.ofMillis(Math.round(budgetMillis));
    }
}
