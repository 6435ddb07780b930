package org.vidcut.api.limits;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/**
 * A per-user quota is used up. {@code Retry-After} is sent only where waiting helps (running tasks end); stored
 * bytes only go down when the user deletes something.
 */
class QuotaExceeded extends ApiProblem {

    private final @Nullable Duration retryAfter;

    QuotaExceeded(String quota, String detail, @Nullable Duration retryAfter) {
        super(HttpStatus.TOO_MANY_REQUESTS, "quota exceeded: " + quota + " (" + detail + ")");
        this.retryAfter = retryAfter;
    }

    @Override
    public HttpHeaders headers() {
        var headers = new HttpHeaders();
        if (retryAfter != null) {
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
        }
        return headers;
    }
}
