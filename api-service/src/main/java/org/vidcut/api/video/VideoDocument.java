package org.vidcut.api.video;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An uploaded original as stored in MongoDB; never leaves the service as is. */
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
        Instant createdAt) {

    OwnedVideo owned() {
        return new OwnedVideo(
                id, ownerId, objectKey, filename, durationSeconds, width, height, container, videoCodec, audioCodec);
    }
}
