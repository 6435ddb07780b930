package org.vidcut.api.storage;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** The object store (MinIO/S3) holding originals and results. Failures surface as {@link StorageUnavailable}. */
public interface ObjectStore {

    /**
     * Streams {@code content} to {@code key} without buffering the whole object.
     *
     * @param size the exact size, or -1 when unknown (multipart upload)
     */
    StoredObject put(String key, InputStream content, long size, String contentType);

    Optional<StoredObject> stat(String key);

    /** Reads {@code length} bytes from {@code offset}; a null length reads to the end. */
    InputStream read(String key, long offset, Long length);

    /** Deletes the object; deleting a missing object is not an error. */
    void delete(String key);

    /** A time-limited GET link on the configured public address, usable without the Authorization header. */
    URI presignedGet(String key, Duration expiry);

    /** A time-limited GET link on the internal address, for ffprobe and the worker. */
    URI presignedGetInternal(String key, Duration expiry);
}
