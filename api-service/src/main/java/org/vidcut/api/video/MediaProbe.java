package org.vidcut.api.video;

import org.jspecify.annotations.Nullable;

/** What ffprobe found in an upload that is a usable video. */
record MediaProbe(
        double durationSeconds,
        int width,
        int height,
        String videoCodec,
        @Nullable String audioCodec,
        String container) {}
