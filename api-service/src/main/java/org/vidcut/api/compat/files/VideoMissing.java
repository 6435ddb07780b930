package org.vidcut.api.compat.files;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** An upload request that carries no file. */
class VideoMissing extends ApiProblem {

    VideoMissing() {
        super(HttpStatus.BAD_REQUEST, "no file: send the video as the request body or as multipart field video");
    }
}
