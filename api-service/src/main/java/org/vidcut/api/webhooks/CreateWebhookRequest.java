package org.vidcut.api.webhooks;

import io.swagger.v3.oas.annotations.media.ArraySchema;
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

        @ArraySchema(
                schema =
                        @Schema(
                                allowableValues = {
                                    "task.scheduled",
                                    "task.processing",
                                    "task.done",
                                    "task.failed",
                                    "task.canceled"
                                }))
        @Nullable
        List<String> events) {}
