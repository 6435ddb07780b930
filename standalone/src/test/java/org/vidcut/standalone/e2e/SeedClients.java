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

/**
 * Clients of the two earlier systems, written only from their documents (seeds 001 and 002): they know nothing of
 * {@code /v1}, of problem+json or of this service's ids, and send exactly what those documents show.
 */
final class SeedClients {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SeedClients() {}

    /** Seed 001: the conversion service's {@code /api} with a JWT from its login. */
    static final class ConversionClient {
        private final String base;
        private String token;

        ConversionClient(String base) {
            this.base = base;
        }

        HttpResponse<String> signup(String username, String password, String email) {
            return json(
                    "POST",
                    "/api/auth/signup",
                    Map.of("username", username, "password1", password, "password2", password, "email", email));
        }

        HttpResponse<String> login(String username, String password) {
            var response = json("POST", "/api/auth/login", Map.of("username", username, "password", password));
            if (response.statusCode() == 200) {
                token = read(response).path("token").asString();
            }
            return response;
        }

        HttpResponse<String> createTask(Path file, String conversionType) {
            var boundary = "----seed001" + UUID.randomUUID();
            var head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"conversion_type\"\r\n\r\n"
                    + conversionType + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\";"
                    + " filename=\"" + file.getFileName() + "\"\r\nContent-Type: video/mp4\r\n\r\n";
            try {
                return send(
                        request("/api/tasks")
                                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                                .POST(BodyPublishers.concat(
                                        BodyPublishers.ofString(head),
                                        BodyPublishers.ofFile(file),
                                        BodyPublishers.ofString("\r\n--" + boundary + "--\r\n"))),
                        null);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<String> tasks() {
            return send(request("/api/tasks").GET(), null);
        }

        HttpResponse<String> task(String id) {
            return send(request("/api/tasks/" + id).GET(), null);
        }

        HttpResponse<String> deleteTask(String id) {
            return send(request("/api/tasks/" + id).DELETE(), null);
        }

        HttpResponse<Path> download(String taskId, Path target) {
            try {
                var request = request("/api/download?task_id=" + taskId).GET().build();
                var response = HTTP.send(request, BodyHandlers.ofFile(target));
                LiveOpenApi.check(request, null, response, null);
                return response;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private HttpResponse<String> json(String method, String path, Map<String, ?> body) {
            var json = JSON.writeValueAsString(body);
            return send(
                    request(path)
                            .header("Content-Type", "application/json")
                            .method(method, BodyPublishers.ofString(json)),
                    json);
        }

        private HttpRequest.Builder request(String path) {
            var builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            return builder;
        }
    }

    /** Seed 002: the resize service's {@code /file}, which had no accounts (the api runs with the anonymous setting). */
    static final class ResizeClient {
        private final String base;

        ResizeClient(String base) {
            this.base = base;
        }

        HttpResponse<String> upload(Path file) {
            try {
                return send(
                        HttpRequest.newBuilder(URI.create(base + "/file/"))
                                .header("Content-Type", "video/mp4")
                                .POST(BodyPublishers.ofFile(file)),
                        null);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        HttpResponse<String> resize(String id, int width, int height) {
            var json = JSON.writeValueAsString(Map.of("width", width, "height", height));
            return send(
                    HttpRequest.newBuilder(URI.create(base + "/file/" + id + "/"))
                            .header("Content-Type", "application/json")
                            .method("PATCH", BodyPublishers.ofString(json)),
                    json);
        }

        HttpResponse<String> info(String id) {
            return send(
                    HttpRequest.newBuilder(URI.create(base + "/file/" + id + "/"))
                            .GET(),
                    null);
        }

        HttpResponse<String> delete(String id) {
            return send(
                    HttpRequest.newBuilder(URI.create(base + "/file/" + id + "/"))
                            .DELETE(),
                    null);
        }
    }

    static JsonNode read(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    /** Sends the request and checks the exchange against the served OpenAPI document. */
    private static HttpResponse<String> send(HttpRequest.Builder builder, String jsonBody) {
        try {
            var request = builder.timeout(Duration.ofSeconds(60)).build();
            var response = HTTP.send(request, BodyHandlers.ofString());
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
