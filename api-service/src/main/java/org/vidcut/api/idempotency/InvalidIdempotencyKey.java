package org.vidcut.api.idempotency;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** The header is empty, too long or not printable ASCII. */
class InvalidIdempotencyKey extends ApiProblem {

    InvalidIdempotencyKey() {
        super(
                HttpStatus.UNPROCESSABLE_CONTENT,
                "Idempotency-Key: must be 1 to " + IdempotentRequests.MAX_KEY_LENGTH + " printable ASCII characters");
    }
}
