package org.vidcut.worker.conversion;

/**
 * What ffprobe found in a result file, and where the cut lies in the source.
 *
 * @param width the displayed width (rotation and pixel aspect applied); null without picture
 * @param height the displayed height
 * @param startSeconds where the result really begins in the source (a stream copy begins on a keyframe)
 * @param endSeconds where the result really ends in the source
 */
record VerifiedOutput(
        long sizeBytes,
        double durationSeconds,
        Integer width,
        Integer height,
        String videoCodec,
        String audioCodec,
        double startSeconds,
        double endSeconds) {}
