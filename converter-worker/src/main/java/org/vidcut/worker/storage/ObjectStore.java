package org.vidcut.worker.storage;

import java.nio.file.Path;
import java.time.Duration;
import org.vidcut.support.storage.StorageUnavailable;

/** The two things a conversion needs from the object store; small so tests can stand in with local files. */
public interface ObjectStore {

    /**
     * Where ffmpeg can read the source from (a presigned GET URL for S3): ffmpeg fetches only the byte ranges
     * it needs instead of the worker downloading the whole original.
     *
     * @param validFor how long the location must stay readable
     * @throws SourceObjectMissing when there is no such object
     * @throws StorageUnavailable when the store cannot be reached or answers with an error
     */
    String readableLocation(String objectKey, Duration validFor);

    /**
     * Uploads a finished result.
     *
     * @throws StorageUnavailable when the store cannot be reached or answers with an error
     */
    void store(String objectKey, Path file, String contentType);
}
