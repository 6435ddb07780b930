package org.vidcut.api.compat.conversions;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** A JSON conversion request without the id of the video to convert. */
class VideoIdMissing extends ApiProblem {

    VideoIdMissing() {
        super(
                HttpStatus.BAD_REQUEST,
                "file is required: the id of an uploaded video, or upload the video as multipart field file");
    }
}
