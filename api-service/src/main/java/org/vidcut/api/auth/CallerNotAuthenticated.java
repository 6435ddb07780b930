package org.vidcut.api.auth;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** The request carries no usable token; the message says why without echoing the token. */
class CallerNotAuthenticated extends ApiProblem {

    CallerNotAuthenticated(String reason) {
        super(HttpStatus.UNAUTHORIZED, reason);
    }
}
