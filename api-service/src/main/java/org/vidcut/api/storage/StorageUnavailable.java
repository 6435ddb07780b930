package org.vidcut.api.storage;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** The object store could not be reached or failed; the client may retry later. */
public class StorageUnavailable extends ApiProblem {

    public StorageUnavailable(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "object storage is unavailable, try again later", cause);
    }
}
