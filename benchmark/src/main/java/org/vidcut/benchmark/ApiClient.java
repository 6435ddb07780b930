package org.vidcut.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/** The public HTTP API (DESIGN.md), called as any client would. */
final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final URI base;
    private String token;

    ApiClient(URI base) {
        this.base = base;
    }

    /** An anonymous user; later calls act on its behalf. */
    String createUser() {
        token = send(request("/v1/users").POST(BodyPublishers.noBody()), 201)
                .get("token")
                .asText();
        return token;
    }

    String token() {
        return token;
    }

    URI taskUri(String taskId) {
        return base.resolve("/v1/tasks/" + taskId);
    }

    /** Streams the file as multipart field {@code file}: the client never holds it in memory. */
    JsonNode upload(Path file) {
        var boundary = "bench-" + UUID.randomUUID();
        var head = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"" + file.getFileName() + "\"\r\n"
                + "Content-Type: video/mp4\r\n\r\n";
        var tail = "\r\n--" + boundary + "--\r\n";
        try {
            var body = BodyPublishers.concat(
                    BodyPublishers.ofString(head, StandardCharsets.UTF_8),
                    BodyPublishers.ofFile(file),
                    BodyPublishers.ofString(tail, StandardCharsets.UTF_8));
            return send(
                    request("/v1/videos")
                            .timeout(Duration.ofMinutes(10))
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(body),
                    201);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code POST /v1/webhooks} for {@code task.done}; empty when the server refuses it or has no webhooks. */
    Optional<JsonNode> createWebhook(String url) {
        try {
            var body = JSON.createObjectNode().put("url", url);
            body.putArray("events").add("task.done");
            var response = http.send(
                    request("/v1/webhooks")
                            .header("Content-Type", "application/json")
                            .POST(BodyPublishers.ofString(body.toString()))
                            .build(),
                    BodyHandlers.ofString(StandardCharsets.UTF_8));
            return response.statusCode() == 201 ? Optional.of(JSON.readTree(response.body())) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code POST /v1/uploads}: the part size and one presigned URL per part. */
    JsonNode createUpload(String filename, long size) {
        return send(
                request("/v1/uploads")
                        .header("Content-Type", "application/json")
                        .POST(BodyPublishers.ofString(JSON.createObjectNode()
                                .put("filename", filename)
                                .put("size", size)
                                .toString())),
                201);
    }

    /** {@code POST /v1/uploads/{id}/complete}: the probed video. */
    JsonNode completeUpload(String uploadId) {
        return send(
                request("/v1/uploads/" + uploadId + "/complete")
                        .timeout(Duration.ofMinutes(5))
                        .POST(BodyPublishers.noBody()),
                201);
    }

    void deleteVideo(String videoId) {
        send(request("/v1/videos/" + videoId).DELETE(), 204);
    }

    JsonNode createTask(TaskRequest task) {
        try {
            return send(
                    request("/v1/tasks")
                            .header("Content-Type", "application/json")
                            .POST(BodyPublishers.ofString(JSON.writeValueAsString(task.body()))),
                    201);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    JsonNode task(String taskId) {
        return send(request("/v1/tasks/" + taskId).GET(), 200);
    }

    /** The result's size from a one-byte ranged download ({@code Content-Range: bytes 0-0/SIZE}). */
    long resultSize(String taskId) {
        try {
            var response = http.send(
                    request("/v1/tasks/" + taskId + "/content")
                            .header("Range", "bytes=0-0")
                            .GET()
                            .build(),
                    BodyHandlers.discarding());
            var range = response.headers()
                    .firstValue("Content-Range")
                    .orElseThrow(() -> new IllegalStateException(
                            "no Content-Range on the result download (status " + response.statusCode() + ")"));
            return Long.parseLong(range.substring(range.lastIndexOf('/') + 1).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code GET /v1/tasks/{id}/events} as a stream of lines, opened as soon as the headers arrive. The caller
     * closes the body; a server without the endpoint answers 404 (or 405 where another route matches the path).
     */
    HttpResponse<Stream<String>> openEvents(String taskId) {
        return openStream("/v1/tasks/" + taskId + "/events");
    }

    /** {@code GET /v1/events}: every change of this user's tasks. */
    HttpResponse<Stream<String>> openAllEvents() {
        return openStream("/v1/events");
    }

    private HttpResponse<Stream<String>> openStream(String path) {
        try {
            return http.send(
                    request(path).header("Accept", "text/event-stream").GET().build(), BodyHandlers.ofLines());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The task view's {@code ETag}, if the server sends one. */
    Optional<String> etag(String taskId) {
        return exchange(request("/v1/tasks/" + taskId).GET()).headers().firstValue("ETag");
    }

    /** The status code of {@code GET /v1/tasks/{id}} with {@code If-None-Match}: 304 when the ETag still matches. */
    int conditionalStatus(String taskId, String etag) {
        return exchange(request("/v1/tasks/" + taskId)
                        .header("If-None-Match", etag)
                        .GET())
                .statusCode();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<Void> exchange(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), BodyHandlers.discarding());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        var builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private JsonNode send(HttpRequest.Builder request, int expectedStatus) {
        try {
            var response = http.send(request.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() != expectedStatus) {
                throw new IllegalStateException(response.request().method() + " "
                        + response.request().uri().getPath() + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            var body = response.body();
            return body == null || body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
