package org.vidcut.api.video;

import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.vidcut.api.web.ApiProblem;

/** The upload exceeds {@code vidcut.upload.max-size}. */
class UploadTooLarge extends ApiProblem {

    UploadTooLarge(DataSize limit) {
        super(HttpStatus.CONTENT_TOO_LARGE, "the upload is larger than the limit of " + limit.toBytes() + " bytes");
    }
}
