package org.vidcut.worker.conversion;

import java.util.List;
import org.vidcut.contracts.Track;
import org.vidcut.contracts.TrimMethod;

/**
 * A stored and verified result, as reported in the {@code Succeeded} event.
 *
 * @param startSeconds where the result really begins in the source (a keyframe cut begins on a keyframe)
 * @param endSeconds where the result really ends in the source
 * @param width the displayed width (rotation and pixel aspect applied)
 * @param height the displayed height
 * @param rotation clockwise degrees a player turns the picture by, null for none
 * @param tracks the result's picture, sound and subtitle streams; null when ffprobe could not list them
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
        Integer rotation,
        List<Track> tracks,
        TrimMethod method) {}
