package org.vidcut.api.video;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** The upload is not a video we can process: empty, not media, no video stream or no duration. */
class VideoUnreadable extends ApiProblem {

    VideoUnreadable(String reason) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "the file is not a usable video: " + reason);
    }
}
