package org.vidcut.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The auth settings refuse what would make tokens unsafe; Bean Validation stops the api at start on them. */
class AuthPropertiesTest {

    private static final String SECRET = "5b1e9d04c7a23f68e0d4b19a72c56e3f8a0b7d2c4e6f1a9b3c5d7e0f2a4b6c8d";
    private static final String OLD_SECRET = "c3f1a7e90b25d48f6e0c2a9b7d13f5e8a4c6b0d2e9f7a1c3b5d8e0f2a4c6b9d1";

    private static List<String> violations(AuthProperties properties) {
        try (var factory = Validation.buildDefaultValidatorFactory()) {
            return factory.getValidator().validate(properties).stream()
                    .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                    .toList();
        }
    }

    @Test
    void acceptsSoundSettings() {
        assertThat(violations(new AuthProperties(SECRET, Duration.ofHours(1), 4, "vidcut", "vidcut-api", null, null)))
                .isEmpty();
    }

    @Test
    void refusesAPreviousKeyButNoEndOfItsAcceptance() {
        assertThat(violations(
                        new AuthProperties(SECRET, Duration.ofHours(1), 4, "vidcut", "vidcut-api", OLD_SECRET, null)))
                .singleElement()
                .asString()
                .contains("previous-jwt-secret-accepted-until");
    }

    @Test
    void refusesNonPositiveTokenTtl() {
        assertThat(violations(new AuthProperties(SECRET, Duration.ZERO, 4, "vidcut", "vidcut-api", null, null)))
                .singleElement()
                .asString()
                .contains("tokenTtl");
    }
}
