package org.vidcut.api.task;

import org.jspecify.annotations.Nullable;
import org.vidcut.contracts.TaskEvent;
import org.vidcut.contracts.TrimMethod;

/**
 * The verified output of the attempt that succeeded.
 *
 * @param startSeconds where the cut really begins in the source; null for results of older workers
 * @param endSeconds where the cut really ends in the source; null for results of older workers
 * @param method how the result was cut; null for results of older workers
 */
record TaskResult(
        String objectKey,
        long sizeBytes,
        double durationSeconds,
        @Nullable Integer width,
        @Nullable Integer height,
        @Nullable String videoCodec,
        @Nullable String audioCodec,
        @Nullable Double startSeconds,
        @Nullable Double endSeconds,
        @Nullable TrimMethod method) {

    static TaskResult of(String objectKey, TaskEvent.Succeeded event) {
        return new TaskResult(
                objectKey,
                event.resultSizeBytes(),
                event.durationSeconds(),
                event.width(),
                event.height(),
                event.videoCodec(),
                event.audioCodec(),
                event.startSeconds(),
                event.endSeconds(),
                event.method());
    }
}
