package org.vidcut.api.video;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.vidcut.contracts.Track;

/**
 * What ffprobe found in an upload that is a usable video.
 *
 * @param durationSeconds the content's duration, from its first timestamp
 * @param width the displayed width: rotation and pixel aspect applied
 * @param height the displayed height
 * @param rotation clockwise degrees a player turns the stored picture by, null when it is not turned
 */
record MediaProbe(
        double durationSeconds,
        int width,
        int height,
        String videoCodec,
        @Nullable String audioCodec,
        String container,
        @Nullable Integer rotation,
        List<Track> tracks) {}
