package org.vidcut.standalone.e2e;

import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.util.UriComponentsBuilder;
import org.vidcut.api.docs.OpenApiContract;

/**
 * Checks every exchange the end-to-end clients make against the OpenAPI document the running api serves at
 * {@code /v3/api-docs} (with the same rules as the api's MockMvc tests), so an end-to-end test fails when the
 * document and the server disagree.
 */
final class LiveOpenApi {

    private static final Map<String, OpenApiContract> DOCUMENTS = new ConcurrentHashMap<>();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private LiveOpenApi() {}

    /**
     * @param requestBody the JSON the request carried, or null when it had none or it is not text (uploads)
     * @param responseBody the response's text, or null when it was not read as text (downloads)
     */
    static void check(HttpRequest request, String requestBody, HttpResponse<?> response, String responseBody) {
        var uri = request.uri();
        if (!OpenApiContract.covers(uri.getPath())) {
            return;
        }
        var base = uri.getScheme() + "://" + uri.getAuthority();
        var document = DOCUMENTS.computeIfAbsent(base, LiveOpenApi::fetch);
        var exchange = new SimpleRequest.Builder(request.method(), uri.getPath());
        request.headers().map().forEach(exchange::withHeader);
        if (uri.getRawQuery() != null) {
            UriComponentsBuilder.fromUri(uri).build().getQueryParams().forEach(exchange::withQueryParam);
        }
        boolean bodyUnseen = request.bodyPublisher().isPresent() && requestBody == null;
        if (requestBody != null) {
            exchange.withBody(requestBody);
        }
        var answer = new SimpleResponse.Builder(response.statusCode());
        response.headers().map().forEach(answer::withHeader);
        if (responseBody != null && !responseBody.isEmpty()) {
            answer.withBody(responseBody);
        }
        var mismatches = document.mismatches(exchange.build(), answer.build(), bodyUnseen, responseBody == null);
        if (!mismatches.isEmpty()) {
            throw new AssertionError(request.method() + " " + uri.getPath() + " -> " + response.statusCode()
                    + " does not match the served /v3/api-docs:\n  " + String.join("\n  ", mismatches));
        }
    }

    private static OpenApiContract fetch(String base) {
        try {
            var response = HTTP.send(
                    HttpRequest.newBuilder(URI.create(base + "/v3/api-docs"))
                            .GET()
                            .build(),
                    BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no OpenAPI document at " + base + ": " + response.statusCode());
            }
            return OpenApiContract.of(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
