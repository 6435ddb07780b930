package org.vidcut.api.webhooks;

import java.io.IOException;
import java.net.Proxy;
import java.time.Clock;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.jspecify.annotations.Nullable;

/**
 * Makes one delivery attempt: a signed POST of the stored body. Redirects are not followed (a 3xx is a failed
 * attempt), no proxy is used, and host names are resolved by the {@link TargetGuard}, so only checked addresses
 * are connected to.
 */
class WebhookSender {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final int ERROR_LENGTH = 200;

    private final OkHttpClient http;
    private final TargetGuard guard;
    private final Clock clock;

    WebhookSender(WebhookProperties properties, TargetGuard guard, Clock clock) {
        this.guard = guard;
        this.clock = clock;
        this.http = new OkHttpClient.Builder()
                .dns(guard)
                .proxy(Proxy.NO_PROXY)
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .connectTimeout(properties.connectTimeout())
                .readTimeout(properties.readTimeout())
                .writeTimeout(properties.readTimeout())
                .callTimeout(properties.connectTimeout().plus(properties.readTimeout()))
                .build();
    }

    /**
     * The outcome of one attempt.
     *
     * @param statusCode the receiver's answer, null when none came
     * @param error why the attempt failed, null when it succeeded
     */
    record Attempt(@Nullable Integer statusCode, @Nullable String error) {
        boolean delivered() {
            return error == null;
        }
    }

    Attempt send(DeliveryDocument delivery, WebhookDocument webhook) {
        var url = okhttp3.HttpUrl.parse(webhook.url());
        if (url == null) {
            return new Attempt(null, "the url is not a valid http(s) URL");
        }
        try {
            // an IP literal is connected to without a name lookup, so it is checked here
            guard.lookup(url.host());
        } catch (IOException e) {
            return new Attempt(null, brief(e));
        }
        long timestamp = clock.instant().getEpochSecond();
        var request = new Request.Builder()
                .url(url)
                .header("webhook-id", delivery.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header(
                        "webhook-signature",
                        WebhookSignatures.sign(webhook.secret(), delivery.eventId(), timestamp, delivery.body()))
                .header("User-Agent", "vidcut-webhooks")
                .post(RequestBody.create(delivery.body(), JSON))
                .build();
        try (var response = http.newCall(request).execute()) {
            int status = response.code();
            if (status >= 200 && status < 300) {
                return new Attempt(status, null);
            }
            return new Attempt(status, "the receiver answered " + status);
        } catch (IOException e) {
            return new Attempt(null, brief(e));
        }
    }

    private static String brief(Exception e) {
        var text = e.getClass().getSimpleName() + ": " + e.getMessage();
        return text.length() <= ERROR_LENGTH ? text : text.substring(0, ERROR_LENGTH);
    }
}
