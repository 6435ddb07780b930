package org.vidcut.api.auth;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** Request and response bodies of the account endpoints. */
final class AccountRequests {

    private AccountRequests() {}

    /** BCrypt only looks at the first 72 bytes of a password. */
    static final int MAX_PASSWORD_BYTES = 72;

    record Registration(
            @NotNull
            @Schema(example = "ada")
            @Pattern(regexp = "[a-zA-Z0-9_.-]{3,32}", message = "must be 3 to 32 characters of a-z A-Z 0-9 _ . -")
            String username,

            @NotBlank @Email @Size(max = 254) @Schema(example = "ada@example.org")
            String email,

            @NotNull
            @Size(min = 10, message = "must be at least 10 characters")
            @Schema(format = "password", example = "correct horse battery")
            String password) {

        @JsonIgnore
        @AssertTrue(message = "password must be at most " + MAX_PASSWORD_BYTES + " bytes")
        boolean isPasswordShortEnough() {
            return password == null || password.getBytes(StandardCharsets.UTF_8).length <= MAX_PASSWORD_BYTES;
        }
    }

    record Login(
            @NotBlank @Schema(example = "ada") String username,

            @NotBlank @Schema(format = "password", example = "correct horse battery")
            String password) {}

    // closed, so that a response matches exactly one branch of the oneOf of POST /v1/users
    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record AnonymousUserCreated(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String token) {}

    @Schema(additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
    record AccountCreated(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String id,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String username,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            String token) {}

    record TokenGranted(String token, Instant expiresAt) {}
}
