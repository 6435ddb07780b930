package org.vidcut.support.storage;

import io.minio.errors.ErrorResponseException;

/**
 * The object store could not be reached or failed on its side: a later attempt may succeed. The message says
 * what was being done and how the store failed (its error code or the exception's type), never a key or a URL,
 * so it may go into a task's failure reason and into logs; the api answers 503 with a fixed text.
 */
public final class StorageUnavailable extends RuntimeException {

    public StorageUnavailable(String doing, Throwable cause) {
        super(doing + ": " + describe(cause), cause);
    }

    public StorageUnavailable(Throwable cause) {
        this("object store unavailable", cause);
    }

    private static String describe(Throwable cause) {
        if (cause instanceof ErrorResponseException refused) {
            return "the store answered " + refused.errorResponse().code();
        }
        return cause.getClass().getSimpleName();
    }
}
