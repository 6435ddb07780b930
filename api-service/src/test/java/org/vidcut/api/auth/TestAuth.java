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

    public static final String SECRET = "9f2c7a41e0b85d36c1fa4e97d2086b53a7e19c4f0d6b28e5";

    private static final TokenService TOKENS =
            new TokenService(properties(SECRET, Duration.ofHours(1)), Clock.systemUTC());

    @Bean
    TokenService tokenService() {
        return TOKENS;
    }

    /** Slices have no user collection to look subjects up in: every subject counts as an existing user. */
    @Bean
    KnownUsers knownUsers() {
        return userId -> true;
    }

    /** Settings with the given key and lifetime, everything else as in production. */
    static AuthProperties properties(String secret, Duration ttl) {
        return new AuthProperties(secret, ttl, 4, "vidcut", "vidcut-api", null, null);
    }

    public static String bearer(String userId) {
        return "Bearer " + TOKENS.issue(userId).token();
    }
}
