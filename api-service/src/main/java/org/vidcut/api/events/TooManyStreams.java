package org.vidcut.api.events;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** The caller already holds as many open event streams as a user may. */
class TooManyStreams extends ApiProblem {

    TooManyStreams(int max) {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                "too many open event streams: at most " + max + " per user; close one or use /v1/events for all tasks");
    }
}
