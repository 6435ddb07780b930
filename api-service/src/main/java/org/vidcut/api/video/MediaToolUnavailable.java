package org.vidcut.api.video;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** ffprobe could not be started: the installation is broken, not the upload. */
class MediaToolUnavailable extends ApiProblem {

    MediaToolUnavailable(Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, "media probing is unavailable, try again later", cause);
    }
}
