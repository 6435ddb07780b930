package org.vidcut.api.auth;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/** BCrypt hashing of passwords. */
@Component
class PasswordHasher {

    // Compared against when the username is unknown, so that both failures take the same time.
    private final String dummyHash;
    private final BCryptPasswordEncoder encoder;

    PasswordHasher(AuthProperties properties) {
        this.encoder = new BCryptPasswordEncoder(properties.bcryptStrength());
        this.dummyHash = encoder.encode("not-a-real-password-0123456789");
    }

    String hash(String password) {
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return encoder.matches(password, hash);
    }

    void burnTime(String password) {
        encoder.matches(password, dummyHash);
    }
}
