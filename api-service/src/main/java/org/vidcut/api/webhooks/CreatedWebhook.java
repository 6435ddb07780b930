package org.vidcut.api.webhooks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * The answer to a creation, the only one that shows the secret.
 *
 * @param secret {@code whsec_} and the base64 of the signing key: verify {@code webhook-signature} with it
 */
record CreatedWebhook(
        String id,
        String url,
        List<String> events,
        String secret,
        @JsonProperty("created_at") Instant createdAt) {

    static CreatedWebhook of(WebhookDocument webhook) {
        return new CreatedWebhook(webhook.id(), webhook.url(), webhook.events(), webhook.secret(), webhook.createdAt());
    }
}
