package org.vidcut.api.video;

/**
 * A probed original, as the task feature needs it.
 *
 * @param container the format name ffprobe reported, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2} or {@code matroska,webm}
 */
public record OwnedVideo(
        String id,
        String ownerId,
        String objectKey,
        String filename,
        double durationSeconds,
        Integer width,
        Integer height,
        String container,
        String videoCodec,
        String audioCodec) {}
