package org.vidcut.api.task;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.vidcut.api.storage.ObjectDownloads;
import org.vidcut.api.storage.ObjectStore;

/** Where a done task's result is and how to offer it for download. */
record ResultDownload(String objectKey, String contentType, String filename) {

    /**
     * The result's bytes, or the range asked for, as {@code /v1/tasks} and the compatibility API serve them.
     * Declared as a stream: Spring MVC picks its streaming handler by the declared body type.
     */
    ResponseEntity<StreamingResponseBody> stream(ObjectStore store, @Nullable String range) {
        return ObjectDownloads.stream(store, objectKey, contentType, filename, range);
    }
}
