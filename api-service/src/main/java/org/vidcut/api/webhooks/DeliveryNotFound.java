package org.vidcut.api.webhooks;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** No delivery with this id belongs to the caller's webhook. */
class DeliveryNotFound extends ApiProblem {

    DeliveryNotFound(String id) {
        super(HttpStatus.NOT_FOUND, "delivery " + id + " not found");
    }
}
