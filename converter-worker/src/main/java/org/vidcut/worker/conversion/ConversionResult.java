package org.vidcut.worker.conversion;

import org.vidcut.contracts.TrimMethod;

/**
 * A stored and verified result, as reported in the {@code Succeeded} event.
 *
 * @param startSeconds where the result really begins in the source (a keyframe cut begins on a keyframe)
 * @param endSeconds where the result really ends in the source
 * @param method how the result was cut
 */
public record ConversionResult(
        String resultObjectKey,
        long sizeBytes,
        double durationSeconds,
        Integer width,
        Integer height,
        String videoCodec,
        String audioCodec,
        Double startSeconds,
        Double endSeconds,
        TrimMethod method) {}
