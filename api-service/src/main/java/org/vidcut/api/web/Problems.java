package org.vidcut.api.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The single place that shapes an error body, so the exception handler, the auth filter and ranged
 * downloads all answer with the same {@code application/problem+json} document carrying an {@code error}
 * field.
 */
public final class Problems {

    /** Name of the extra field that carries the human-readable error text. */
    public static final String ERROR_FIELD = "error";

    private Problems() {}

    public static ProblemDetail problem(HttpStatusCode status, String error) {
        var problem = ProblemDetail.forStatusAndDetail(status, error);
        problem.setProperty(ERROR_FIELD, error);
        return problem;
    }

    public static ResponseEntity<ProblemDetail> response(HttpStatusCode status, String error) {
        return response(status, error, new HttpHeaders());
    }

    public static ResponseEntity<ProblemDetail> response(HttpStatusCode status, String error, HttpHeaders headers) {
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(status, error));
    }
}
