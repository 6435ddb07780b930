package org.vidcut.api.compat.files;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** A resize whose width or height is missing, not a whole number, odd, or not more than 20. */
class InvalidDimension extends ApiProblem {

    InvalidDimension(String field) {
        super(HttpStatus.BAD_REQUEST, field + " must be an even whole number greater than 20");
    }
}
