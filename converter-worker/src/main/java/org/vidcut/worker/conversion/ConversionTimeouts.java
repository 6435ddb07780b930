package org.vidcut.worker.conversion;

import java.time.Duration;

/** How long one ffmpeg run may take: a fixed base plus a share per second of output. */
record ConversionTimeouts(Duration base, Duration perOutputSecond) {

    Duration forOutput(double outputSeconds) {
        var seconds = Math.max(0, outputSeconds);
        return base.plusMillis(Math.round(perOutputSecond.toMillis() * seconds));
    }
}
