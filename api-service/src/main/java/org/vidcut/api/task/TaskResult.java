package org.vidcut.api.task;

/** The verified output of the attempt that succeeded. */
record TaskResult(
        String objectKey,
        long sizeBytes,
        double durationSeconds,
        Integer width,
        Integer height,
        String videoCodec,
        String audioCodec) {}
