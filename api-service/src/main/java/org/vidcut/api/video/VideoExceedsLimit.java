package org.vidcut.api.video;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** The upload claims more than the service converts (size, length, frame rate, streams) or than its bytes hold. */
class VideoExceedsLimit extends ApiProblem {

    VideoExceedsLimit(String limitAndValue) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, limitAndValue);
    }
}
