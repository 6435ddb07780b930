package org.vidcut.api.auth;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** The username or the email address is already registered. */
class AccountAlreadyExists extends ApiProblem {

    AccountAlreadyExists(String what) {
        super(HttpStatus.CONFLICT, what + " is already registered");
    }
}
