package org.vidcut.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

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

    void deleteVideo(String videoId) {
        send(request("/v1/videos/" + videoId).DELETE(), 204);
    }

    JsonNode createTask(Map<String, Object> body) {
        try {
            return send(
                    request("/v1/tasks")
                            .header("Content-Type", "application/json")
                            .POST(BodyPublishers.ofString(JSON.writeValueAsString(body))),
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

    /** A finished task and how long it took from sending POST /v1/tasks until a poll saw it done. */
    record TaskRun(String id, long nanos, long postedAtEpochMillis, int polls, JsonNode task) {
        double seconds() {
            return nanos / 1e9;
        }
    }

    /** Creates the task and polls it every {@code pollEvery} until it is done; a failed task is an error. */
    TaskRun runTask(Map<String, Object> body, Duration pollEvery, Duration timeout) {
        long postedAt = System.currentTimeMillis();
        long start = System.nanoTime();
        var id = createTask(body).get("id").asText();
        long deadline = start + timeout.toNanos();
        int polls = 0;
        while (true) {
            var task = task(id);
            polls++;
            var state = task.path("state").asText().toLowerCase(java.util.Locale.ROOT);
            if (state.equals("done")) {
                return new TaskRun(id, System.nanoTime() - start, postedAt, polls, task);
            }
            if (state.equals("failed")) {
                throw new IllegalStateException("task " + id + " failed: " + task);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("task " + id + " not done after " + timeout + ": " + task);
            }
            try {
                Thread.sleep(pollEvery.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
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
