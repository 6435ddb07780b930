package org.vidcut.api.upload;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Optional body of completion: the etags the client got back from its part PUTs, checked against the stored parts.
 * Without it the parts the store holds are joined.
 */
record CompleteUploadRequest(@Nullable List<PartEtag> parts) {

    record PartEtag(@Nullable Integer number, @Nullable String etag) {}
}
