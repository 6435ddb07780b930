package org.vidcut.api.webhooks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/** A webhook as its owner sees it in listings: never with its secret. */
record WebhookView(
        String id,
        String url,
        List<String> events,
        @JsonProperty("created_at") Instant createdAt) {

    static WebhookView of(WebhookDocument webhook) {
        return new WebhookView(webhook.id(), webhook.url(), webhook.events(), webhook.createdAt());
    }
}
