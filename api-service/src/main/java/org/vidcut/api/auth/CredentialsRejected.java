package org.vidcut.api.auth;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** Username or password did not match; which one is deliberately not said. */
class CredentialsRejected extends ApiProblem {

    CredentialsRejected() {
        super(HttpStatus.UNAUTHORIZED, "wrong username or password");
    }
}
