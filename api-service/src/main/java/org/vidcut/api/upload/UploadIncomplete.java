package org.vidcut.api.upload;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** Parts are missing or have the wrong size: the upload stays open and the client re-sends them. */
class UploadIncomplete extends ApiProblem {

    UploadIncomplete(String detail) {
        super(HttpStatus.CONFLICT, "the upload is incomplete: " + detail);
    }
}
