package org.vidcut.api.auth;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads the token from an {@code Authorization} header in any of the accepted forms: {@code Bearer x},
 * {@code Token x} and the Rails-style {@code Token token="x"}.
 */
final class BearerTokens {

    private static final Pattern TOKEN_PARAMETER = Pattern.compile("(?i)^token\\s*=\\s*\"?([^\",\\s]+)\"?(\\s*,.*)?$");
    private static final Pattern TOKEN_CHARS = Pattern.compile("[A-Za-z0-9._~+/=-]+");

    private BearerTokens() {}

    static Optional<String> fromHeader(@Nullable String header) {
        if (header == null) {
            return Optional.empty();
        }
        var value = header.strip();
        int space = value.indexOf(' ');
        if (space < 0) {
            return Optional.empty();
        }
        var scheme = value.substring(0, space).toLowerCase(Locale.ROOT);
        var credentials = value.substring(space + 1).strip();
        String token = switch (scheme) {
            case "bearer" -> credentials;
            case "token" -> {
                var parameter = TOKEN_PARAMETER.matcher(credentials);
                yield parameter.matches() ? parameter.group(1) : credentials;
            }
            default -> null;
        };
        if (token == null || !TOKEN_CHARS.matcher(token).matches()) {
            return Optional.empty();
        }
        return Optional.of(token);
    }
}
