package org.vidcut.api.upload;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** The upload was completed or aborted already: it takes no further completion. */
class UploadClosed extends ApiProblem {

    UploadClosed(String id, UploadState state) {
        super(HttpStatus.CONFLICT, "upload " + id + " is " + state.id());
    }
}
