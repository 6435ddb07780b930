package org.vidcut.worker.conversion;

/** A stored and verified result, as reported in the {@code Succeeded} event. */
public record ConversionResult(
        String resultObjectKey,
        long sizeBytes,
        double durationSeconds,
        Integer width,
        Integer height,
        String videoCodec,
        String audioCodec,
        Double startSeconds,
        Double endSeconds) {}
