package org.vidcut.api.task;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.vidcut.contracts.TaskEvent;
import org.vidcut.contracts.Track;
import org.vidcut.contracts.TrimMethod;

/**
 * The verified output of the attempt that succeeded.
 *
 * @param startSeconds where the cut really begins in the source; null for results of older workers
 * @param endSeconds where the cut really ends in the source; null for results of older workers
 * @param width the displayed width (rotation and pixel aspect applied)
 * @param rotation clockwise degrees a player turns the result's picture by; null when not turned or from older
 *     workers
 * @param tracks the result's streams; null for results of older workers
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
        @Nullable Integer rotation,
        @Nullable List<Track> tracks,
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
                event.rotation(),
                event.tracks(),
                event.method());
    }
}
