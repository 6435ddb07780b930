package org.vidcut.worker.conversion;

import org.vidcut.contracts.Operations;
import org.vidcut.contracts.ProbedMedia;

/**
 * What the worker read from a source before converting it.
 *
 * @param media its streams and timing, or null when ffprobe could not tell (ffmpeg then picks the streams)
 * @param keyframeSeconds the picture's keyframe at or before the cut's start, counted like {@code -ss}; null when
 *     the cut starts at 0, there is no picture, or it could not be found
 */
record SourceFacts(ProbedMedia media, Double keyframeSeconds) {

    static final SourceFacts UNKNOWN = new SourceFacts(null, null);

    /**
     * A stream copy begins on the keyframe: the operations with their start moved there, so the command seeks
     * exactly to it and the result reports where it really begins. Anything else is returned unchanged.
     */
    Operations startOnKeyframe(Operations operations) {
        if (keyframeSeconds == null || !FfmpegCommand.streamCopies(operations)) {
            return operations;
        }
        return new Operations(
                keyframeSeconds,
                operations.endSeconds(),
                operations.width(),
                operations.height(),
                operations.format(),
                operations.accuracy(),
                operations.reencode());
    }
}
