package org.vidcut.api.upload;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** Another request is completing or removing this upload right now. */
class UploadBusy extends ApiProblem {

    UploadBusy(String id) {
        super(HttpStatus.CONFLICT, "upload " + id + " is being completed or removed by another request");
    }
}
