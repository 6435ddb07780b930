package org.vidcut.api.auth;

import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Authentication for web slice tests of any feature: {@code @Import(TestAuth.class)} provides the token
 * service, and {@link #bearer(String)} an {@code Authorization} header value for a user id.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestAuth {

    public static final String SECRET = "test-secret-test-secret-test-secret-0123";

    private static final TokenService TOKENS =
            new TokenService(new AuthProperties(SECRET, Duration.ofHours(1), 4), Clock.systemUTC());

    @Bean
    TokenService tokenService() {
        return TOKENS;
    }

    public static String bearer(String userId) {
        return "Bearer " + TOKENS.issue(userId).token();
    }
}
