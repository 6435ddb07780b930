package org.vidcut.worker.storage;

/** The job names a source object that does not exist (deleted meanwhile): no attempt can succeed. */
public final class SourceObjectMissing extends RuntimeException {

    public SourceObjectMissing(String objectKey) {
        super("source video " + objectKey + " no longer exists");
    }
}
