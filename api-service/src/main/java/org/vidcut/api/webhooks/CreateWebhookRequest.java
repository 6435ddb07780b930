package org.vidcut.api.webhooks;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * @param url where deliveries are POSTed: http or https, on a public address
 * @param events the event types to deliver; default {@code task.done}, {@code task.failed}, {@code task.canceled}
 */
record CreateWebhookRequest(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "https://example.com/hooks/vidcut") @Nullable
        String url,

        @Schema(example = "[\"task.done\", \"task.failed\"]") @Nullable
        List<String> events) {}
