package org.vidcut.standalone.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidcut.standalone.Standalone;

/**
 * A video whose filename is made of shell and ffmpeg syntax (GitHub issue 4) goes through the whole product:
 * the name stays a display name, the conversion succeeds because ffmpeg only ever sees ids, and the result
 * downloads under a name derived from it without anything of it having been executed.
 */
class HostileFilenameEndToEndTest {

    private static final String HOSTILE = "$(touch pwned) `touch pwned` -f lavfi -i x; touch pwned.mp4";

    @TempDir
    static Path dir;

    private static Standalone system;
    private static ApiClient api;

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

    @Test
    void convertsAVideoWithAnInjectionFilenameAndDownloadsItUnderAHarmlessName() {
        var clip = TestMedia.clip(dir, HOSTILE, 3, 160, 120);
        var video = api.uploadVideo(clip);
        assertThat(video.path("filename").asString()).isEqualTo(HOSTILE);

        var created = api.post("/v1/tasks", Map.of("video_id", video.path("id").asString(), "format", "webm"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        var taskId = ApiClient.json(created).path("id").asString();
        var done = await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> api.task(taskId),
                        task -> task.path("state").asString().matches("done|failed"));
        assertThat(done.path("state").asString()).as("task %s", done).isEqualTo("done");

        var target = dir.resolve("result.webm");
        var response = api.download("/v1/tasks/" + taskId + "/content", target);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition"))
                .hasValueSatisfying(disposition -> assertThat(disposition)
                        .startsWith("attachment;")
                        .contains(taskId + ".webm")
                        .doesNotContain("\r", "\n", "/"));
        var result = TestMedia.probe(target);
        assertThat(result.videoCodec()).isEqualTo("vp9");
        assertThat(result.duration()).isCloseTo(3.0, within(0.2));
        // had any process run the name through a shell, "touch pwned" would have left a file somewhere here
        assertThat(Path.of("pwned")).doesNotExist();
        assertThat(dir.resolve("pwned")).doesNotExist();
        assertThat(Files.exists(dir.resolve("data").resolve("pwned"))).isFalse();
    }
}
