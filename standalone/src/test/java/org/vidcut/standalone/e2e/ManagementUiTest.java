package org.vidcut.standalone.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidcut.contracts.Topology;
import org.vidcut.standalone.standin.TestBroker;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What an operator sees in the RabbitMQ management UI while the system runs: the durable jobs queue with the
 * worker's consumers (tagged {@code converter-worker@<worker id>}) and the events queue with the api's consumer.
 * Needs the real RabbitMQ with its management plugin (guest/guest on loopback); skipped otherwise. Other
 * processes may share that broker, so the consumers are recognised as this system's by appearing when it starts
 * and going away when it stops.
 */
class ManagementUiTest {

    private static final URI MANAGEMENT = URI.create("http://127.0.0.1:15672/api/");
    private static final String AUTHORIZATION =
            "Basic " + Base64.getEncoder().encodeToString("guest:guest".getBytes(StandardCharsets.UTF_8));
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The management statistics trail the broker by a few seconds. */
    private static final Duration STATISTICS_LAG = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @BeforeAll
    static void needsRabbitMqWithItsManagementApi() {
        Assumptions.assumeTrue(TestBroker.rabbitMqReachable(), "no RabbitMQ on 127.0.0.1:5672");
        Assumptions.assumeTrue(
                managementAnswers(), "RabbitMQ management API not reachable (plugin rabbitmq_management off?)");
    }

    private static boolean managementAnswers() {
        try {
            return get("overview").statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static HttpResponse<String> get(String path) throws IOException {
        var request = HttpRequest.newBuilder(MANAGEMENT.resolve(path))
                .header("Authorization", AUTHORIZATION)
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private static JsonNode queue(String name) throws IOException {
        var vhost = URLEncoder.encode(TestBroker.endpoint().virtualHost(), StandardCharsets.UTF_8);
        var response = get("queues/" + vhost + "/" + URLEncoder.encode(name, StandardCharsets.UTF_8));
        assertThat(response.statusCode())
                .as("GET queue %s: %s", name, response.body())
                .isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static Set<String> consumerTags(String queue) throws IOException {
        var tags = new HashSet<String>();
        queue(queue)
                .path("consumer_details")
                .forEach(c -> tags.add(c.path("consumer_tag").asString()));
        return tags;
    }

    /** Consumers of a queue that may not exist yet: in the test run's fresh vhost, this may be the first test. */
    private static Set<String> consumerTagsIfDeclared(String queue) throws IOException {
        var vhost = URLEncoder.encode(TestBroker.endpoint().virtualHost(), StandardCharsets.UTF_8);
        if (get("queues/" + vhost + "/" + URLEncoder.encode(queue, StandardCharsets.UTF_8))
                        .statusCode()
                == 404) {
            return Set.of();
        }
        return consumerTags(queue);
    }

    @Test
    void showsTheWorkersOnTheJobsQueueAndTheApiOnTheEventsQueue() throws IOException {
        var jobConsumersBefore = Set.copyOf(consumerTagsIfDeclared(Topology.JOBS_QUEUE));
        var eventConsumersBefore = Set.copyOf(consumerTagsIfDeclared(Topology.EVENTS_QUEUE));
        Set<String> ourJobConsumers;
        Set<String> ourEventConsumers;

        try (var system = E2eSystem.start(dir.resolve("data"))) {
            var jobs = queue(Topology.JOBS_QUEUE);
            assertThat(jobs.path("durable").asBoolean()).isTrue();
            assertThat(jobs.path("arguments").path("x-dead-letter-exchange").asString())
                    .isEqualTo(Topology.JOBS_DEAD_LETTER_EXCHANGE);

            ourJobConsumers = await().atMost(STATISTICS_LAG)
                    .until(
                            () -> newTags(consumerTags(Topology.JOBS_QUEUE), jobConsumersBefore),
                            tags -> !tags.isEmpty());
            assertThat(ourJobConsumers).allSatisfy(tag -> assertThat(tag).startsWith("converter-worker@"));
            assertThat(queue(Topology.JOBS_QUEUE).path("consumer_details"))
                    .filteredOn(
                            c -> ourJobConsumers.contains(c.path("consumer_tag").asString()))
                    .allSatisfy(c -> {
                        assertThat(c.path("prefetch_count").asInt()).isEqualTo(1);
                        assertThat(c.path("ack_required").asBoolean()).isTrue();
                    });

            ourEventConsumers = await().atMost(STATISTICS_LAG)
                    .until(
                            () -> newTags(consumerTags(Topology.EVENTS_QUEUE), eventConsumersBefore),
                            tags -> !tags.isEmpty());
            assertThat(system.apiBaseUrl()).isNotNull();
        }

        await().atMost(STATISTICS_LAG).untilAsserted(() -> {
            assertThat(consumerTags(Topology.JOBS_QUEUE)).doesNotContainAnyElementsOf(ourJobConsumers);
            assertThat(consumerTags(Topology.EVENTS_QUEUE)).doesNotContainAnyElementsOf(ourEventConsumers);
        });
    }

    private static Set<String> newTags(Set<String> now, Set<String> before) {
        var added = new HashSet<>(now);
        added.removeAll(before);
        return added;
    }
}
