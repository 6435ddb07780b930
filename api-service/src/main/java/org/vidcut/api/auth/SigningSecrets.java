package org.vidcut.api.auth;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Refuses signing keys that an attacker could guess: the placeholders of the example configuration files, keys
 * shorter than HS256's 256 bits, and keys with too little entropy. The entropy is estimated from the key's own
 * character frequencies (Shannon), which catches typed words and repeated characters; a key that repeats a
 * shorter string is refused too. Keys from {@code openssl rand -hex 32} or {@code openssl rand -base64 48} pass.
 */
final class SigningSecrets {

    static final int MIN_BYTES = 32;
    static final double MIN_ESTIMATED_BITS = 128;

    /** Marks every placeholder value of {@code .env.example} and the Kubernetes example secrets. */
    static final String EXAMPLE_MARKER = "change-me";

    private SigningSecrets() {}

    /** @throws IllegalStateException naming the setting (never the value) when the key is unusable */
    static byte[] require(String setting, String secret) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalStateException(setting + " must be set to a random secret of at least " + MIN_BYTES
                    + " bytes (HS256 needs a 256-bit key), e.g. the output of `openssl rand -hex 32`");
        }
        var bytes = secret.getBytes(StandardCharsets.UTF_8);
        if (bytes.length < MIN_BYTES) {
            throw new IllegalStateException(setting + " must be at least " + MIN_BYTES
                    + " bytes (HS256 needs a 256-bit key), e.g. the output of `openssl rand -hex 32`");
        }
        if (secret.toLowerCase(Locale.ROOT).contains(EXAMPLE_MARKER)) {
            throw new IllegalStateException(setting + " still holds the placeholder of the example configuration:"
                    + " replace it with the output of `openssl rand -hex 32`");
        }
        if (estimatedBits(secret) < MIN_ESTIMATED_BITS || repeatsShorterString(secret)) {
            throw new IllegalStateException(setting + " is too predictable (low entropy): use a random key, e.g."
                    + " the output of `openssl rand -hex 32`");
        }
        return bytes;
    }

    static double estimatedBits(String secret) {
        Map<Integer, Integer> counts = new HashMap<>();
        secret.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        double length = secret.codePointCount(0, secret.length());
        double perCharacter = 0;
        for (int count : counts.values()) {
            double p = count / length;
            perCharacter -= p * (Math.log(p) / Math.log(2));
        }
        return perCharacter * length;
    }

    private static boolean repeatsShorterString(String secret) {
        // a string is a repetition of a shorter one exactly when it occurs in itself doubled, minus the ends
        return (secret + secret).indexOf(secret, 1) < secret.length();
    }
}
