package org.vidcut.api.video;

import org.jspecify.annotations.Nullable;

/**
 * Turns a client-supplied filename into a safe display name. It is never used to build a path or an object
 * key (those are ids); it only must not smuggle directories, control or bidi characters into headers and UIs.
 */
final class Filenames {

    static final int MAX_LENGTH = 200;
    static final String FALLBACK = "video";

    private Filenames() {}

    static String sanitize(@Nullable String original) {
        if (original == null) {
            return FALLBACK;
        }
        var name = original;
        int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
        if (slash >= 0) {
            name = name.substring(slash + 1);
        }
        var clean = new StringBuilder();
        name.codePoints()
                .filter(c -> !Character.isISOControl(c))
                .filter(c -> Character.getType(c) != Character.FORMAT)
                .filter(c -> c != '"')
                .forEach(clean::appendCodePoint);
        name = clean.toString().strip();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
            name = name.substring(0, name.offsetByCodePoints(0, MAX_LENGTH));
        }
        return name.isBlank() ? FALLBACK : name;
    }
}
