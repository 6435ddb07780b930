package org.vidcut.standalone.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidcut.standalone.Standalone;

/**
 * Findings of GitHub issue 10 against the whole product with its real S3 stand-in: an upload declared as
 * {@code text/html} is never served as a page by its presigned links, and the actuator is not on the API port.
 */
class HostileClientEndToEndTest {

    @TempDir
    static Path dir;

    private static Standalone system;
    private static ApiClient api;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void startSystem() {
        system = E2eSystem.start(dir.resolve("data"));
        api = ApiClient.anonymous(system.apiBaseUrl().toString());
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    /** Follows a presigned link the way a browser would: no Authorization header. */
    private static HttpResponse<byte[]> follow(String url) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void presignedLinksServeTheProbedTypeAsAnAttachmentWhateverTheUploadClaimed() throws Exception {
        var clip = TestMedia.clip(dir, "page.mp4", 2, 160, 120);
        var uploaded = api.upload(clip, "text/html");
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        var video = ApiClient.json(uploaded);

        var original = follow(video.path("url").asString());
        assertThat(original.statusCode()).isEqualTo(200);
        assertThat(original.headers().firstValue("Content-Type")).hasValue("video/mp4");
        assertThat(original.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(disposition -> assertThat(disposition).startsWith("attachment"));

        var created = api.post("/v1/tasks", Map.of("video_id", video.path("id").asString(), "format", "webm"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var taskId = ApiClient.json(created).path("id").asString();
        var done = await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> api.task(taskId),
                        task -> task.path("state").asString().matches("done|failed"));
        assertThat(done.path("state").asString()).as("task %s", done).isEqualTo("done");

        var result = follow(done.path("url").asString());
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.headers().firstValue("Content-Type")).hasValue("video/webm");
        assertThat(result.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(disposition ->
                        assertThat(disposition).startsWith("attachment").contains(taskId + ".webm"));
    }

    @Test
    void theApiPortServesNoActuatorEndpoint() throws Exception {
        for (var path : new String[] {"/actuator/prometheus", "/actuator/health", "/actuator/env"}) {
            var response = HTTP.send(
                    HttpRequest.newBuilder(system.apiBaseUrl().resolve(path))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isIn(401, 404);
            assertThat(response.body()).as(path).doesNotContain("jvm_memory", "\"status\":\"UP\"");
        }
    }
}
