package org.vidcut.api.web;

import java.io.IOException;

/** A chunked JSON body went past the cap while it was read; answered with 413. */
class JsonBodyTooLarge extends IOException {

    JsonBodyTooLarge(long maxBytes) {
        super(message(maxBytes));
    }

    static String message(long maxBytes) {
        return "the request body is larger than the limit of " + maxBytes + " bytes";
    }
}
