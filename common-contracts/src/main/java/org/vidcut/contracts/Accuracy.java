package org.vidcut.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** How precisely a trim is cut: on keyframes with stream copy, or frame-exact with a re-encode. */
public enum Accuracy {
    KEYFRAME("keyframe"),
    EXACT("exact");

    private final String id;

    Accuracy(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    public static Optional<Accuracy> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        var wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.id.equals(wanted)).findFirst();
    }

    @JsonCreator
    static Accuracy fromJson(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown accuracy: " + id));
    }
}
