package org.vidcut.api.auth;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** A registration that breaks the account rules (username form, email, password length); the message says which. */
public class AccountRejected extends ApiProblem {

    AccountRejected(String details) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid request: " + details);
    }
}
