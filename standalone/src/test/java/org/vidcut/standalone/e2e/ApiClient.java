package org.vidcut.standalone.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the api over real HTTP, as a client program would. */
final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String token;

    private ApiClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    static ApiClient anonymous(String baseUrl) {
        var client = new ApiClient(baseUrl, null);
        var response = client.send(client.request("/v1/users").POST(BodyPublishers.noBody()), null);
        if (response.statusCode() != 201) {
            throw new IllegalStateException(
                    "could not create a user: " + response.statusCode() + " " + response.body());
        }
        return new ApiClient(baseUrl, json(response).path("token").asString());
    }

    String token() {
        return token;
    }

    HttpResponse<String> upload(Path file) {
        return upload(file, "application/octet-stream");
    }

    /** Uploads with the part's Content-Type as given, which a hostile client chooses freely. */
    HttpResponse<String> upload(Path file, String contentType) {
        var boundary = "----vidcut" + UUID.randomUUID();
        var head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName() + "\"\r\nContent-Type: " + contentType + "\r\n\r\n";
        var tail = "\r\n--" + boundary + "--\r\n";
        try {
            var body = BodyPublishers.concat(
                    BodyPublishers.ofString(head), BodyPublishers.ofFile(file), BodyPublishers.ofString(tail));
            return send(
                    request("/v1/videos")
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(body),
                    null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode uploadVideo(Path file) {
        var response = upload(file);
        if (response.statusCode() != 201) {
            throw new IllegalStateException("upload failed: " + response.statusCode() + " " + response.body());
        }
        return json(response);
    }

    HttpResponse<String> post(String path, Map<String, ?> body) {
        return post(path, body, Map.of());
    }

    /** Posts JSON with extra request headers, e.g. {@code Idempotency-Key}. */
    HttpResponse<String> post(String path, Map<String, ?> body, Map<String, String> headers) {
        var json = JSON.writeValueAsString(body);
        var builder = request(path).header("Content-Type", "application/json");
        headers.forEach(builder::header);
        return send(builder.POST(BodyPublishers.ofString(json)), json);
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET(), null);
    }

    HttpResponse<String> delete(String path) {
        return send(request(path).DELETE(), null);
    }

    JsonNode task(String taskId) {
        return json(get("/v1/tasks/" + taskId));
    }

    HttpResponse<Path> download(String path, Path target) {
        try {
            var request = request(path).GET().build();
            var response = http.send(request, BodyHandlers.ofFile(target));
            LiveOpenApi.check(request, null, response, null);
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    /** Sends the request and checks the exchange against the served OpenAPI document. */
    private HttpResponse<String> send(HttpRequest.Builder builder, String jsonBody) {
        try {
            var request = builder.build();
            var response = http.send(request, BodyHandlers.ofString());
            LiveOpenApi.check(request, jsonBody, response, response.body());
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
