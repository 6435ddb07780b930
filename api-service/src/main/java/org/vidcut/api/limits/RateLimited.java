package org.vidcut.api.limits;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** A per-minute limit was reached; the client may try again after {@code Retry-After} seconds. */
class RateLimited extends ApiProblem {

    private final Duration retryAfter;

    RateLimited(String what, Duration retryAfter) {
        super(
                HttpStatus.TOO_MANY_REQUESTS,
                "too many requests: " + what + "; try again in " + seconds(retryAfter) + " s");
        this.retryAfter = retryAfter;
    }

    @Override
    public HttpHeaders headers() {
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
        return headers;
    }

    private static long seconds(Duration duration) {
        return Math.max(1, duration.toSeconds() + (duration.toMillisPart() > 0 ? 1 : 0));
    }
}
