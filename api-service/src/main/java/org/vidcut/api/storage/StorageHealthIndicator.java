package org.vidcut.api.storage;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.vidcut.support.storage.StorageUnavailable;

/** Reports the object store as up when the bucket exists (reported under the name {@code storage}). */
class StorageHealthIndicator extends AbstractHealthIndicator {

    private final MinioObjectStore store;

    StorageHealthIndicator(MinioObjectStore store) {
        super("object storage health check failed");
        this.store = store;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        // Caught here rather than by the base class, which would log a stack trace on every probe while down.
        try {
            if (store.bucketExists()) {
                builder.up();
            } else {
                builder.down().withDetail("reason", "bucket does not exist");
            }
        } catch (StorageUnavailable e) {
            builder.down().withDetail("reason", String.valueOf(e.getCause()));
        }
    }
}
