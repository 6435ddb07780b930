package org.vidcut.support.storage;

import io.minio.errors.ErrorResponseException;
import java.util.Set;

/**
 * The one mapping from the MinIO client's failures to facts: an answer that the object (or its bucket) does not
 * exist is "missing", for each caller to name in its own terms; anything else, including an unreachable store, is
 * {@link StorageUnavailable}. {@code NotFound} counts as missing: it is the code the client reports for a 404 to a
 * HEAD (a stat), which has no body to carry {@code NoSuchKey}.
 */
public final class StorageErrors {

    static final Set<String> MISSING = Set.of("NoSuchKey", "NoSuchObject", "NotFound", "NoSuchBucket");

    private StorageErrors() {}

    public static boolean isMissing(Exception failure) {
        return failure instanceof ErrorResponseException refused
                && MISSING.contains(refused.errorResponse().code());
    }

    /** A call to the store whose every failure but {@link StorageUnavailable} itself becomes one. */
    @FunctionalInterface
    public interface StoreCall<T> {
        T run() throws Exception;
    }

    public static <T> T call(String doing, StoreCall<T> call) {
        try {
            return call.run();
        } catch (StorageUnavailable e) {
            throw e;
        } catch (Exception e) {
            throw new StorageUnavailable(doing, e);
        }
    }
}
