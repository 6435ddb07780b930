package org.vidcut.standalone.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import org.vidcut.standalone.standin.TestBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real RabbitMQ's management HTTP API (guest/guest on loopback), for tests that look at the broker the way an
 * operator does, each in a vhost of its own so that other test runs on the same broker do not interfere.
 */
final class RabbitManagement {

    static final String URL = "http://127.0.0.1:15672";
    static final String USER = "guest";
    static final String PASSWORD = "guest";

    private static final URI API = URI.create(URL + "/api/");
    private static final String AUTHORIZATION =
            "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private RabbitManagement() {}

    /** Whether RabbitMQ runs here with its management plugin. */
    static boolean available() {
        if (!TestBroker.rabbitMqReachable()) {
            return false;
        }
        try {
            return send("GET", "overview", null).statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Creates a fresh vhost the guest user may use fully. */
    static String createVirtualHost(String prefix) throws IOException {
        var name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        expect(send("PUT", "vhosts/" + encode(name), "{}"), 201, 204);
        expect(
                send(
                        "PUT",
                        "permissions/" + encode(name) + "/" + USER,
                        "{\"configure\":\".*\",\"write\":\".*\",\"read\":\".*\"}"),
                201,
                204);
        return name;
    }

    /** Deletes a vhost with its queues, closing its connections. */
    static void deleteVirtualHost(String name) throws IOException {
        expect(send("DELETE", "vhosts/" + encode(name), null), 204, 404);
    }

    static JsonNode get(String path) throws IOException {
        var response = send("GET", path, null);
        expect(response, 200);
        return JSON.readTree(response.body());
    }

    static HttpResponse<String> send(String method, String path, String body) throws IOException {
        var request = HttpRequest.newBuilder(API.resolve(path))
                .header("Authorization", AUTHORIZATION)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(10))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static void expect(HttpResponse<String> response, int... statuses) {
        assertThat(response.statusCode())
                .as("%s %s: %s", response.request().method(), response.uri(), response.body())
                .isIn(java.util.Arrays.stream(statuses).boxed().toList());
    }
}
