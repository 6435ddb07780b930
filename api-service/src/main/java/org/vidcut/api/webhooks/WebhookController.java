package org.vidcut.api.webhooks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vidcut.api.auth.Caller;

/** {@code /v1/webhooks}: subscriptions to the caller's task events, and their delivery log. */
@RestController
@RequestMapping("/v1/webhooks")
@Tag(name = "webhooks", description = "Signed notifications of task events (Standard Webhooks)")
class WebhookController {

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Create a webhook",
            description = "Deliveries are `POST url` with `{type, timestamp, data: <task>}` and the headers"
                    + " `webhook-id`, `webhook-timestamp`, `webhook-signature` (Standard Webhooks). The `secret`"
                    + " is shown only in this answer. `events` defaults to task.done, task.failed, task.canceled.")
    @ApiResponse(responseCode = "201", description = "Created; the answer holds the signing secret")
    @ApiResponse(
            responseCode = "422",
            description = "Missing or invalid url, a target on a private network, or an unknown event")
    ResponseEntity<CreatedWebhook> create(Caller caller, @RequestBody CreateWebhookRequest request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(webhooks.create(caller.userId(), request));
    }

    @GetMapping
    @Operation(summary = "The caller's webhooks, oldest first (without their secrets)")
    List<WebhookView> list(Caller caller) {
        return webhooks.list(caller.userId());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a webhook; its pending deliveries are dropped")
    @ApiResponse(responseCode = "204", description = "Deleted")
    @ApiResponse(responseCode = "404", description = "No such webhook of the caller")
    ResponseEntity<Void> delete(Caller caller, @PathVariable("id") String id) {
        webhooks.delete(caller.userId(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The webhook's latest 100 deliveries, newest first")
    @ApiResponse(responseCode = "200", description = "The deliveries")
    @ApiResponse(responseCode = "404", description = "No such webhook of the caller")
    List<DeliveryView> deliveries(Caller caller, @PathVariable("id") String id) {
        return webhooks.deliveries(caller.userId(), id);
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Send a delivery again",
            description = "The delivery becomes pending, due now, with a fresh retry period; the same"
                    + " `webhook-id` is sent.")
    @ApiResponse(responseCode = "202", description = "Queued")
    @ApiResponse(responseCode = "404", description = "No such webhook or delivery of the caller")
    ResponseEntity<Void> redeliver(
            Caller caller, @PathVariable("id") String id, @PathVariable("deliveryId") String deliveryId) {
        webhooks.redeliver(caller.userId(), id, deliveryId);
        return ResponseEntity.accepted().build();
    }
}
