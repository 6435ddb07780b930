package org.vidcut.api.webhooks;

import org.springframework.http.HttpStatus;
import org.vidcut.api.web.ApiProblem;

/** A webhook the api will not create: the message names the field and why (a refused target among them). */
class WebhookRejected extends ApiProblem {

    WebhookRejected(String field, String problem) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, field + ": " + problem);
    }
}
