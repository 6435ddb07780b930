package org.vidcut.api.auth;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of authentication ({@code vidcut.auth.*}).
 *
 * <p>The secrets are checked when the token service is created rather than at binding, so that test slices which
 * never authenticate do not need one.
 *
 * @param jwtSecret HS256 key that signs new tokens: at least 32 bytes of UTF-8 and random; there is deliberately
 *     no default
 * @param tokenTtl lifetime of issued tokens; a token claiming a longer one is refused
 * @param bcryptStrength log2 of the BCrypt rounds; tests lower it to stay fast
 * @param issuer the {@code iss} of issued tokens, required on every token
 * @param audience the {@code aud} of issued tokens, required on every token
 * @param previousJwtSecret the key before the last rotation: tokens it signed are still accepted until
 *     {@code previousJwtSecretAcceptedUntil}
 * @param previousJwtSecretAcceptedUntil when tokens of the previous key stop being accepted; required with it
 */
@Validated
@ConfigurationProperties("vidcut.auth")
record AuthProperties(
        @Nullable String jwtSecret,
        @NotNull @DurationMin(seconds = 1) Duration tokenTtl,
        @Min(4) @Max(31) int bcryptStrength,
        @NotBlank String issuer,
        @NotBlank String audience,
        @Nullable String previousJwtSecret,
        @Nullable Instant previousJwtSecretAcceptedUntil) {

    @AssertTrue(
            message = "vidcut.auth.previous-jwt-secret-accepted-until must be set with vidcut.auth.previous-jwt-secret"
                    + " (e.g. the rotation time plus vidcut.auth.token-ttl)")
    boolean isPreviousSecretBounded() {
        return previousJwtSecret == null || previousJwtSecret.isBlank() || previousJwtSecretAcceptedUntil != null;
    }
}
