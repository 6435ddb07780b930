package org.vidcut.api.video;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.vidcut.contracts.Track;

/**
 * An uploaded original as stored in MongoDB; never leaves the service as is.
 *
 * @param width the displayed width (rotation and pixel aspect applied)
 * @param rotation null when not turned, and for videos uploaded before it was recorded
 * @param tracks null for videos uploaded before tracks were recorded
 */
@Document("videos")
record VideoDocument(
        @Id String id,
        String ownerId,
        String objectKey,
        String filename,
        String contentType,
        long size,
        double durationSeconds,
        int width,
        int height,
        String videoCodec,
        @Nullable String audioCodec,
        String container,
        Instant createdAt,
        @Nullable Integer rotation,
        @Nullable List<Track> tracks) {

    OwnedVideo owned() {
        return new OwnedVideo(
                id, ownerId, objectKey, filename, durationSeconds, width, height, container, videoCodec, audioCodec);
    }
}
