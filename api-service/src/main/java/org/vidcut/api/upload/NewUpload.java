package org.vidcut.api.upload;

import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A direct upload just started: PUT each part's bytes to its url, then complete it.
 *
 * @param partSize bytes of every part but the last, which holds the rest
 * @param expiresAt the upload, and its links, end then unless completed
 */
record NewUpload(String id, @Schema(description = "bytes") long partSize, List<PartLink> parts, Instant expiresAt) {

    /** @param url a presigned PUT link on the public storage address; needs no Authorization header */
    record PartLink(int number, URI url) {}
}
