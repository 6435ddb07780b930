package org.vidcut.api.task;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** A task request the service cannot carry out; the message names the offending field. */
public class InvalidTaskRequest extends ApiProblem {

    private final String field;

    InvalidTaskRequest(String field, String problem) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, field == null ? problem : field + ": " + problem);
        this.field = field;
    }

    /** The request field at fault, or null when the request as a whole is at fault. */
    public String field() {
        return field;
    }
}
