package org.vidcut.api.upload;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A direct upload and the parts the store holds: a client that lost its connection re-sends only the others.
 *
 * @param partsReceived the parts stored so far, by number; empty once completed or aborted
 * @param videoId the video it became, once completed
 */
record UploadStatus(
        String id,
        String filename,
        @Schema(description = "bytes") long size,
        UploadState state,
        List<ReceivedPart> partsReceived,
        Instant expiresAt,
        @Nullable String videoId) {

    /** @param etag the store's entity tag of the part, without quotes */
    record ReceivedPart(
            int number, @Schema(description = "bytes") long size, String etag) {}
}
