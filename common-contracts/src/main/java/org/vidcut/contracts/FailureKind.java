package org.vidcut.contracts;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Whether a failed attempt is worth repeating. */
public enum FailureKind {
    /** Bad input (unreadable media, impossible parameters) or a run past its timeout: retrying cannot help. */
    FINAL,
    /** Storage or broker trouble, a worker shutting down: another attempt may succeed. */
    TRANSIENT;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
