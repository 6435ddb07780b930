package org.vidcut.api.upload;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** The upload was not completed in time; its parts are (being) removed. */
class UploadExpired extends ApiProblem {

    UploadExpired(String id) {
        super(HttpStatus.CONFLICT, "upload " + id + " has expired; start a new one");
    }
}
