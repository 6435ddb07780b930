package org.vidcut.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** How a result was cut from its source; the name is what the task's {@code result.method} says. */
public enum TrimMethod {
    /** The partial GOPs at both ends re-encoded, the pictures between copied. */
    SMART("smart"),
    /** The whole range decoded and encoded again. */
    REENCODE("reencode"),
    /** The streams copied from keyframe to keyframe. */
    COPY("copy");

    private final String id;

    TrimMethod(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** A method a newer worker names and this reader does not know reads as null, not as a broken message. */
    @JsonCreator
    static TrimMethod fromJson(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst().orElse(null);
    }
}
