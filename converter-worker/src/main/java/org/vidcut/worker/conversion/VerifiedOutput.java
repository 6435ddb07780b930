package org.vidcut.worker.conversion;

/** What ffprobe found in a result file. */
record VerifiedOutput(
        long sizeBytes, double durationSeconds, Integer width, Integer height, String videoCodec, String audioCodec) {}
