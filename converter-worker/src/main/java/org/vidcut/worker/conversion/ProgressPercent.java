package org.vidcut.worker.conversion;

/** Progress arithmetic: ffmpeg reports how much output it has written, never a percentage. */
final class ProgressPercent {

    private ProgressPercent() {}

    /** {@code out_time_ns} as a share of the expected output duration, clamped to 0..100. */
    static double of(long outTimeNanos, double expectedSeconds) {
        if (!(expectedSeconds > 0) || outTimeNanos <= 0) {
            return 0;
        }
        var percent = outTimeNanos / 1e9 / expectedSeconds * 100;
        return Math.min(100, Math.max(0, percent));
    }
}
