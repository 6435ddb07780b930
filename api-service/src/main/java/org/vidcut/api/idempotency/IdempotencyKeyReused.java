package org.vidcut.api.idempotency;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** The key was used in the last 24 h for a request with another body. */
class IdempotencyKeyReused extends ApiProblem {

    IdempotencyKeyReused() {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "Idempotency-Key: already used with a different request body; use a new key for a new request");
    }
}
