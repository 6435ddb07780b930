package org.vidcut.api.upload;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A direct upload as stored in MongoDB.
 *
 * @param videoId the id the video gets once completed; the parts are joined at that video's object key
 * @param storeUploadId the object store's multipart upload id
 * @param leaseUntil a replica completing or cleaning up the upload holds it until then (the epoch when free)
 * @param partsRemoved whether the store no longer holds its parts (joined into the video, or aborted)
 */
@Document("uploads")
record UploadDocument(
        @Id String id,
        String ownerId,
        String videoId,
        String objectKey,
        String storeUploadId,
        String filename,
        long size,
        long partSize,
        UploadState state,
        Instant createdAt,
        Instant expiresAt,
        Instant leaseUntil,
        boolean partsRemoved) {

    int partCount() {
        return (int) ((size + partSize - 1) / partSize);
    }

    /** The exact size part {@code number} (from 1) must have. */
    long expectedPartSize(int number) {
        return number < partCount() ? partSize : size - (long) (partCount() - 1) * partSize;
    }

    boolean expired(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
