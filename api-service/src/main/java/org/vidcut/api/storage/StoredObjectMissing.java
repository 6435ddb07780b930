package org.vidcut.api.storage;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** The object a record points to is not in the store (deleted behind our back or never written). */
public class StoredObjectMissing extends ApiProblem {

    private final String key;

    public StoredObjectMissing(String key) {
        super(HttpStatus.NOT_FOUND, "the stored content is missing");
        this.key = key;
    }

    /** The object key, for logs only: it is not part of the client-facing message. */
    public String key() {
        return key;
    }
}
