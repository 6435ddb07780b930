package org.vidcut.api.webhooks;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** No webhook with this id belongs to the caller (another user's is reported the same way). */
class WebhookNotFound extends ApiProblem {

    WebhookNotFound(String id) {
        super(HttpStatus.NOT_FOUND, "webhook " + id + " not found");
    }
}
