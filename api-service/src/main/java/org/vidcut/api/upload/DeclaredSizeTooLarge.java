package org.vidcut.api.upload;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** The announced size exceeds {@code vidcut.upload.max-size}, as a multipart upload of that size would. */
class DeclaredSizeTooLarge extends ApiProblem {

    DeclaredSizeTooLarge(long limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, "size: the upload is larger than the limit of " + limit + " bytes");
    }
}
