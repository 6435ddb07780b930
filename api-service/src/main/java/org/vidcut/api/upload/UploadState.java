package org.vidcut.api.upload;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a direct upload is: parts are accepted while open; completed made it a video; aborted removed its parts. */
enum UploadState {
    OPEN,
    COMPLETED,
    ABORTED;

    @JsonValue
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
