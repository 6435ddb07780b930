package org.vidcut.api.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * A fact about a request that the client must be told as {@code application/problem+json}. Features subclass
 * it with a name that states the fact ({@code VideoNotFound}, {@code TaskNotRestartable}); the message
 * becomes the {@code error} text, so it must be safe to show to the caller.
 */
public abstract class ApiProblem extends RuntimeException {

    private final HttpStatus status;

    protected ApiProblem(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    protected ApiProblem(HttpStatus status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public HttpStatus status() {
        return status;
    }

    /** Headers the answer carries besides the problem body, e.g. {@code Retry-After}. */
    public HttpHeaders headers() {
        return new HttpHeaders();
    }
}
