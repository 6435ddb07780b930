package org.vidcut.standalone.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidcut.contracts.Topology;
import org.vidcut.standalone.Standalone;
import org.vidcut.standalone.StandaloneSettings;
import tools.jackson.databind.JsonNode;

/**
 * The system started with {@code --standalone.amqp-uri=amqp://…/VHOST} on the real RabbitMQ: everything it
 * declares, consumes and publishes is in that vhost, and the management API shows each connection named after
 * its service, instance and role. Needs RabbitMQ with its management plugin; skipped otherwise.
 */
class VirtualHostTest {

    /** The management statistics trail the broker by a few seconds. */
    private static final Duration STATISTICS_LAG = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    private static String vhost;
    private static Standalone system;

    @BeforeAll
    static void startInAVirtualHostOfItsOwn() throws IOException {
        Assumptions.assumeTrue(RabbitManagement.available(), "no RabbitMQ with the management API on 127.0.0.1");
        vhost = RabbitManagement.createVirtualHost("vidcut-vhost-test");
        system = Standalone.start(StandaloneSettings.fromArguments(
                "--server.port=0",
                "--standalone.data-dir=" + dir.resolve("data"),
                "--standalone.amqp-uri=amqp://guest:guest@127.0.0.1:5672/" + RabbitManagement.encode(vhost)));
    }

    @AfterAll
    static void stopAndDeleteTheVirtualHost() throws IOException {
        try {
            if (system != null) {
                system.close();
            }
        } finally {
            if (vhost != null) {
                RabbitManagement.deleteVirtualHost(vhost);
            }
        }
    }

    @Test
    void declaresAndConsumesTheQueuesInTheVirtualHostOfTheAmqpUri() throws IOException {
        await().atMost(STATISTICS_LAG).untilAsserted(() -> {
            assertThat(queue(Topology.JOBS_QUEUE).path("consumers").asInt()).isPositive();
            assertThat(queue(Topology.EVENTS_QUEUE).path("consumers").asInt()).isPositive();
        });
        assertThat(queue(Topology.JOBS_DEAD_LETTER_QUEUE).path("durable").asBoolean())
                .isTrue();
        assertThat(queue(Topology.EVENTS_DEAD_LETTER_QUEUE).path("durable").asBoolean())
                .isTrue();
    }

    @Test
    void namesEveryConnectionAfterItsServiceInstanceAndRole() throws IOException {
        var api = ApiClient.anonymous(system.apiBaseUrl().toString());
        var clip = TestMedia.clip(dir, "clip.mp4", 4, 160, 120);
        var videoId = api.uploadVideo(clip).path("id").asString();
        // a task makes the api publish a job and the worker publish events: both publisher connections open
        var task = ApiClient.json(api.post("/v1/tasks", Map.of("video_id", videoId, "start_time", 1, "end_time", 2)));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> api.task(task.path("id").asString()).path("state").asString(), "done"::equals);

        await().atMost(STATISTICS_LAG)
                .untilAsserted(() -> assertThat(connectionNames())
                        .hasSize(4)
                        .anySatisfy(name -> assertThat(name).matches("api-service@\\S+ consumer"))
                        .anySatisfy(name -> assertThat(name).matches("api-service@\\S+ publisher"))
                        .anySatisfy(name -> assertThat(name).matches("converter-worker@\\S+ consumer"))
                        .anySatisfy(name -> assertThat(name).matches("converter-worker@\\S+ publisher")));
    }

    private static JsonNode queue(String name) throws IOException {
        return RabbitManagement.get("queues/" + RabbitManagement.encode(vhost) + "/" + RabbitManagement.encode(name));
    }

    private static List<String> connectionNames() throws IOException {
        var names = new ArrayList<String>();
        RabbitManagement.get("vhosts/" + RabbitManagement.encode(vhost) + "/connections")
                .forEach(connection -> names.add(connection
                        .path("client_properties")
                        .path("connection_name")
                        .asString()));
        return names;
    }
}
