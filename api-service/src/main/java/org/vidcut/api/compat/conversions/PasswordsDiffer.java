package org.vidcut.api.compat.conversions;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** A signup whose two password fields are not the same. */
class PasswordsDiffer extends ApiProblem {

    PasswordsDiffer() {
        super(HttpStatus.BAD_REQUEST, "password1 and password2 are not the same");
    }
}
