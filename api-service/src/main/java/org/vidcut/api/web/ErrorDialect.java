package org.vidcut.api.web;

import org.springframework.http.HttpStatusCode;

/**
 * How a family of routes words its errors, for the compatibility APIs whose clients expect their earlier
 * system's shape. The body keeps the problem fields and its {@code error} text, but is sent as
 * {@code application/json} with the status the dialect chooses.
 */
public interface ErrorDialect {

    /** @param path the request path without the context path */
    boolean covers(String path);

    /** The status to answer instead of {@code status}; by default the same. */
    default HttpStatusCode status(HttpStatusCode status) {
        return status;
    }
}
