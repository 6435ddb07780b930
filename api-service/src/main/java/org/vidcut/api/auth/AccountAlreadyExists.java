package org.vidcut.api.auth;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** The username or the email address is already registered; which one is deliberately not said. */
class AccountAlreadyExists extends ApiProblem {

    AccountAlreadyExists() {
        super(HttpStatus.CONFLICT, "this username or email address is already registered");
    }
}
