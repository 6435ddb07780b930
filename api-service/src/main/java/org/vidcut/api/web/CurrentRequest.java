package org.vidcut.api.web;

import java.util.Optional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The request this thread serves, for code that Spring calls without it (exception handlers of other routes). */
final class CurrentRequest {

    private CurrentRequest() {}

    /** The path within the application, or empty outside a request. */
    static Optional<String> path() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            var request = attributes.getRequest();
            return Optional.of(
                    request.getRequestURI().substring(request.getContextPath().length()));
        }
        return Optional.empty();
    }
}
