package org.vidcut.api.storage;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** The store would not join the parts (one changed, is missing or too small): the client re-sends it. */
public class PartsRefused extends ApiProblem {

    PartsRefused(String reason) {
        super(HttpStatus.CONFLICT, "the store refused the parts: " + reason);
    }
}
