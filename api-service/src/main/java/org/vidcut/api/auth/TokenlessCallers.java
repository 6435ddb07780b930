package org.vidcut.api.auth;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Decides who a request without an {@code Authorization} header acts as, for routes that a setting opens to
 * trusted networks (the tokenless {@code /file} API). Without an answer the request is refused with 401.
 */
public interface TokenlessCallers {

    Optional<Caller> callerFor(HttpServletRequest request);
}
