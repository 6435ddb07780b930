package org.vidcut.api.storage;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * S3 multipart uploads whose parts clients send straight to the store through presigned links, so large files
 * never pass through the api. Failures surface as {@link StorageUnavailable}.
 */
public interface MultipartStore {

    /** Starts a multipart upload of {@code key}; returns the store's upload id. */
    String start(String key);

    /** A time-limited {@code PUT} link on the public address for one part; it needs no Authorization header. */
    URI presignedPartUpload(String key, String uploadId, int partNumber, Duration expiry);

    /** The parts the store holds, by ascending number; empty when the upload no longer exists. */
    List<StoredPart> parts(String key, String uploadId);

    /** Joins the given parts into the object {@code key}; the parts are gone afterwards. */
    void complete(String key, String uploadId, List<StoredPart> parts);

    /** Drops the upload and every part it holds; an upload that no longer exists is not an error. */
    void abort(String key, String uploadId);
}
