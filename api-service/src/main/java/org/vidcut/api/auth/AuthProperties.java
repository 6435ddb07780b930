package org.vidcut.api.auth;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of authentication ({@code vidcut.auth.*}).
 *
 * <p>The secret is checked when the token service is created rather than at binding, so that test slices which
 * never authenticate do not need one.
 *
 * @param jwtSecret HS256 key, at least 32 bytes of UTF-8; there is deliberately no default
 * @param tokenTtl lifetime of issued tokens
 * @param bcryptStrength log2 of the BCrypt rounds; tests lower it to stay fast
 */
@Validated
@ConfigurationProperties("vidcut.auth")
record AuthProperties(
        @Nullable String jwtSecret,
        @DefaultValue("24h") Duration tokenTtl,
        @DefaultValue("10") @Min(4) @Max(31) int bcryptStrength) {

    AuthProperties {
        if (tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("vidcut.auth.token-ttl must be positive, was " + tokenTtl);
        }
    }
}
