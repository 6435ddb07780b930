package org.vidcut.api.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates every {@code /v1/**} request except account creation and login. It runs inside the dispatcher,
 * so a rejection is an exception that the one exception handler turns into the usual problem body (with
 * {@code WWW-Authenticate: Bearer}).
 */
class AuthenticationInterceptor implements HandlerInterceptor {

    static final String CALLER_ATTRIBUTE = AuthenticationInterceptor.class.getName() + ".caller";

    private static final Set<String> PUBLIC_POSTS = Set.of("/v1/users", "/v1/auth/login");

    // Looked up lazily: web test slices without the token service still start, and then reject every call.
    private final ObjectProvider<TokenService> tokens;
    private final ObjectProvider<KnownUsers> users;

    AuthenticationInterceptor(ObjectProvider<TokenService> tokens, ObjectProvider<KnownUsers> users) {
        this.tokens = tokens;
        this.users = users;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (isPublic(request)) {
            return true;
        }
        var header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            throw new CallerNotAuthenticated("authentication required: send Authorization: Bearer <token>");
        }
        var token = BearerTokens.fromHeader(header)
                .orElseThrow(() -> new CallerNotAuthenticated("the Authorization header is malformed"));
        var service = tokens.getIfAvailable();
        var known = users.getIfAvailable();
        if (service == null || known == null) {
            throw new CallerNotAuthenticated("authentication is not configured");
        }
        var userId = service.verify(token);
        if (!known.exists(userId)) {
            throw new CallerNotAuthenticated("the token's user does not exist");
        }
        request.setAttribute(CALLER_ATTRIBUTE, new Caller(userId));
        return true;
    }

    private static boolean isPublic(HttpServletRequest request) {
        if ("OPTIONS".equals(request.getMethod())) {
            return true;
        }
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return "POST".equals(request.getMethod()) && PUBLIC_POSTS.contains(path);
    }
}
