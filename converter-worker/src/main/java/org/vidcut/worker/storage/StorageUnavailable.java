package org.vidcut.worker.storage;

/** The object store could not be reached or failed on its side: a later attempt may succeed. */
public final class StorageUnavailable extends RuntimeException {

    public StorageUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
