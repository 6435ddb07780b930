package org.vidcut.api.idempotency;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** A request with the same key is still being answered; its answer will be replayed once it is done. */
class IdempotentRequestInProgress extends ApiProblem {

    IdempotentRequestInProgress() {
        super(HttpStatus.CONFLICT, "a request with this Idempotency-Key is still in progress; retry shortly");
    }

    @Override
    public HttpHeaders headers() {
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, "1");
        return headers;
    }
}
