package org.vidcut.api.storage;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.vidcut.support.storage.StorageUnavailable;

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

    /**
     * A time-limited GET link on the configured public address, usable without the Authorization header. The link
     * makes the store answer with {@code contentType} (our own, never what a client declared) and as an attachment
     * named {@code downloadFilename}, so that a hostile upload can never be rendered by a browser as a page of the
     * store's origin.
     */
    URI presignedGet(String key, Duration expiry, String contentType, String downloadFilename);

    /** A time-limited GET link on the internal address, for ffprobe and the worker. */
    URI presignedGetInternal(String key, Duration expiry);
}
