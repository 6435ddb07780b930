package org.vidcut.standalone.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidcut.standalone.Standalone;
import org.vidcut.standalone.e2e.SeedClients.ConversionClient;
import org.vidcut.standalone.e2e.SeedClients.ResizeClient;

/**
 * Clients of the two earlier systems (seed documents 001 and 002) run unchanged against the standalone jar: the
 * conversion client signs up, logs in, converts, lists, shows, downloads and deletes; the resize client uploads a
 * raw body, resizes, polls {@code processing} and deletes. The api runs with
 * {@code vidcut.compat.files-api.anonymous=true}, as a site replacing the tokenless resize service would.
 */
class CompatibilityEndToEndTest {

    @TempDir
    static Path dir;

    private static Standalone system;
    private static String base;

    @BeforeAll
    static void startSystem() {
        var settings = E2eSystem.settings(dir.resolve("data"))
                .withApiArguments(List.of("--vidcut.compat.files-api.anonymous=true"));
        system = Standalone.start(settings);
        base = system.apiBaseUrl().toString().replaceAll("/$", "");
    }

    @AfterAll
    static void stopSystem() {
        if (system != null) {
            system.close();
        }
    }

    @Test
    void aClientOfTheConversionServiceRunsUnchanged() {
        var client = new ConversionClient(base);
        var signup = client.signup("seed001", "correct horse battery", "seed001@example.org");
        assertThat(signup.statusCode()).as(signup.body()).isEqualTo(201);
        assertThat(SeedClients.read(signup).path("message").asString()).isEqualTo("usuario creado exitosamente");
        var login = client.login("seed001", "correct horse battery");
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        assertThat(SeedClients.read(login).path("id").asString())
                .isEqualTo(SeedClients.read(signup).path("id").asString());

        var created = client.createTask(TestMedia.clip(dir, "seed001.mp4", 2, 160, 120), "webm");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(SeedClients.read(created).path("message").asString()).isEqualTo("Conversion started");
        var taskId = SeedClients.read(created).path("task_id").asString();

        var listed = SeedClients.read(client.tasks()).path("tasks");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("task_id").asString()).isEqualTo(taskId);
        assertThat(listed.get(0).path("conversion_type").asString()).isEqualTo("webm");
        assertThat(listed.get(0).path("status").asString()).isIn("PENDING", "STARTED", "SUCCESS");

        var finished = await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> SeedClients.read(client.task(taskId)),
                        task -> task.path("state").asString().matches("SUCCESS|FAILURE"));
        assertThat(finished.path("state").asString()).as("%s", finished).isEqualTo("SUCCESS");
        assertThat(finished.path("result").asString()).contains("File saved to");

        var target = dir.resolve("seed001-result.webm");
        var download = client.download(taskId, target);
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(TestMedia.probe(target).videoCodec()).isEqualTo("vp9");

        assertThat(client.deleteTask(taskId).statusCode()).isEqualTo(204);
        assertThat(SeedClients.read(client.tasks()).path("tasks")).isEmpty();
        var gone = client.task(taskId);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(SeedClients.read(gone).path("error").asString()).isNotBlank();
    }

    @Test
    void aClientOfTheResizeServiceRunsUnchanged() {
        var client = new ResizeClient(base);
        var uploaded = client.upload(TestMedia.clip(dir, "seed002.mp4", 2, 320, 240));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        var id = SeedClients.read(uploaded).path("id").asString();

        var fresh = SeedClients.read(client.info(id));
        assertThat(fresh.path("processing").asBoolean()).isFalse();
        assertThat(fresh.path("processingSuccess").isNull()).isTrue();

        var resized = client.resize(id, 160, 120);
        assertThat(resized.statusCode()).as(resized.body()).isEqualTo(200);
        assertThat(SeedClients.read(resized).path("success").asBoolean()).isTrue();

        var ended = await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> SeedClients.read(client.info(id)),
                        info -> !info.path("processing").asBoolean()
                                && !info.path("processingSuccess").isNull());
        assertThat(ended.path("processingSuccess").asBoolean()).as("%s", ended).isTrue();
        assertThat(ended.path("filename").asString()).isNotBlank();

        var badSize = client.resize(id, 21, 120);
        assertThat(badSize.statusCode()).isEqualTo(400);
        assertThat(SeedClients.read(badSize).path("error").asString()).isNotBlank();

        var deleted = client.delete(id);
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(SeedClients.read(deleted).path("success").asBoolean()).isTrue();
        assertThat(client.info(id).statusCode()).isEqualTo(400);
    }
}
