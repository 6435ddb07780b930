package org.vidcut.api.upload;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** An upload request the service cannot carry out; the message names the offending field. */
class InvalidUploadRequest extends ApiProblem {

    InvalidUploadRequest(String field, String problem) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, field + ": " + problem);
    }
}
