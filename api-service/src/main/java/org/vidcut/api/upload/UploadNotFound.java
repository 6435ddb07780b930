package org.vidcut.api.upload;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** No upload with this id belongs to the caller (another user's is a 404 too, never a 403). */
class UploadNotFound extends ApiProblem {

    UploadNotFound(String id) {
        super(HttpStatus.NOT_FOUND, "upload " + id + " not found");
    }
}
