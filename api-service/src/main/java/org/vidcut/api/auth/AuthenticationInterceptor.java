package org.vidcut.api.auth;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Authenticates every API request except account creation and login, and except handlers the OpenAPI document
 * declares open (an empty {@code @SecurityRequirements}), so the document and the server agree. It runs inside the dispatcher,
 * so a rejection is an exception that the one exception handler turns into the usual problem body (with
 * {@code WWW-Authenticate: Bearer}).
 */
class AuthenticationInterceptor implements HandlerInterceptor {

    static final String CALLER_ATTRIBUTE = AuthenticationInterceptor.class.getName() + ".caller";

    private static final Set<String> PUBLIC_POSTS = Set.of("/v1/users", "/v1/auth/login");

    // Looked up lazily: web test slices without the token service still start, and then reject every call.
    private final ObjectProvider<TokenService> tokens;
    private final ObjectProvider<KnownUsers> users;
    private final ObjectProvider<TokenlessCallers> tokenless;

    AuthenticationInterceptor(
            ObjectProvider<TokenService> tokens,
            ObjectProvider<KnownUsers> users,
            ObjectProvider<TokenlessCallers> tokenless) {
        this.tokens = tokens;
        this.users = users;
        this.tokenless = tokenless;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (isPublic(request) || declaredOpen(handler)) {
            return true;
        }
        var header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.isBlank()) {
            var caller = tokenless
                    .orderedStream()
                    .flatMap(callers -> callers.callerFor(request).stream())
                    .findFirst();
            if (caller.isPresent()) {
                request.setAttribute(CALLER_ATTRIBUTE, caller.get());
                return true;
            }
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

    private static boolean declaredOpen(Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return false;
        }
        var requirements = method.getMethodAnnotation(SecurityRequirements.class);
        if (requirements == null) {
            requirements = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), SecurityRequirements.class);
        }
        return requirements != null && requirements.value().length == 0;
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
