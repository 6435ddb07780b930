package org.vidcut.worker.conversion;

import java.util.Locale;
import java.util.Optional;
import org.vidcut.contracts.Operations;

/**
 * Which packets the worker's one ffprobe run over a source reads besides the header, so that the packets a cut
 * needs cost no run and no read of the header of their own: around the start for the keyframe before it, or the
 * whole range of a short smart trim. The run cannot know the container's start time yet, so the window is taken
 * as if it were 0 and reaches {@value #START_ALLOWANCE_SECONDS} s further; a later start makes the caller read
 * the packets on their own, as before.
 */
final class PacketWindow {

    /** Around the cut this much is read for the keyframe before it: most GOPs are shorter. */
    static final double FIRST_LOOK_SECONDS = 3;

    /** A smart trim's packets come with the header up to this length; a longer range's would be a large answer. */
    static final double SMART_RANGE_SECONDS = 120;

    /** How late a container may start for the window to still cover the range. */
    static final double START_ALLOWANCE_SECONDS = 2;

    private PacketWindow() {}

    /** ffprobe's {@code -read_intervals} for the run, if it reads packets. */
    static Optional<String> of(Operations operations, boolean smart) {
        double start = operations.startSeconds();
        if (smart && operations.outputSeconds() <= SMART_RANGE_SECONDS) {
            return Optional.of(interval(start, operations.endSeconds() + 1 + START_ALLOWANCE_SECONDS));
        }
        if (!smart && operations.format().hasVideo() && start > 0) {
            return Optional.of(interval(Math.max(0, start - FIRST_LOOK_SECONDS), start + FIRST_LOOK_SECONDS));
        }
        return Optional.empty();
    }

    /** Whether the run's packets hold every packet a smart trim of the range needs. */
    static boolean coversSmartTrim(Operations operations, double formatStart) {
        return operations.outputSeconds() <= SMART_RANGE_SECONDS && formatStart <= START_ALLOWANCE_SECONDS;
    }

    private static String interval(double from, double to) {
        return String.format(Locale.ROOT, "%.6f%%%.6f", from, to);
    }
}
