package org.vidcut.api.video;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** No video with this id belongs to the caller. */
public class VideoNotFound extends ApiProblem {

    public VideoNotFound(String videoId) {
        super(HttpStatus.NOT_FOUND, "video " + videoId + " not found");
    }
}
