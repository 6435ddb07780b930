package org.vidcut.standalone.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vidcut.contracts.Topology;

/**
 * scripts/rabbitmq-management-check.sh against a stand-in management API that answers like RabbitMQ 3.10's
 * {@code /api/queues/{vhost}/{queue}}.
 */
class RabbitMqManagementCheckScriptTest {

    private static final String JOBS_QUEUE_PATH = "/api/queues/%2F/" + Topology.JOBS_QUEUE;

    private final Map<String, String> responses = new ConcurrentHashMap<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private HttpServer server;

    @BeforeEach
    void startManagementApi() throws IOException {
        assumeThat(installed("bash") && installed("curl") && installed("jq"))
                .as("bash, curl and jq are installed")
                .isTrue();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getRawPath();
            requested.add(path);
            String body = responses.get(path);
            byte[] bytes = (body == null ? "{\"error\":\"Object Not Found\",\"reason\":\"Not Found\"}" : body)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        responses.put("/api/overview", "{\"management_version\":\"3.10.8\"}");
    }

    @AfterEach
    void stopManagementApi() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void listsTheConsumersOfTheJobsQueueAndSucceeds() throws Exception {
        responses.put(
                JOBS_QUEUE_PATH, queue(2, consumer("amq.ctag-worker-a", 40100), consumer("amq.ctag-worker-b", 40200)));

        Result result = run();

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(requested).contains(JOBS_QUEUE_PATH);
        assertThat(result.output())
                .contains(Topology.JOBS_QUEUE)
                .contains("2 consumer(s)")
                .contains("consumer_tag=amq.ctag-worker-a")
                .contains("consumer_tag=amq.ctag-worker-b")
                .contains("prefetch=1");
    }

    @Test
    void failsWhenTheJobsQueueHasNoConsumer() throws Exception {
        responses.put(JOBS_QUEUE_PATH, queue(0));

        Result result = run();

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("no consumer");
    }

    @Test
    void failsDistinctlyWhenTheQueueDoesNotExist() throws Exception {
        Result result = run();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("not found");
    }

    @Test
    void failsDistinctlyWhenTheManagementApiDoesNotAnswer() throws Exception {
        responses.remove("/api/overview");

        Result result = run();

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("management API not reachable");
    }

    private record Result(int exitCode, String output) {}

    private Result run() throws IOException, InterruptedException {
        Path script = DeployFiles.root().resolve("scripts/rabbitmq-management-check.sh");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        builder.environment()
                .put(
                        "RABBITMQ_MANAGEMENT_URL",
                        "http://127.0.0.1:" + server.getAddress().getPort());
        // keeps the script from touching a RabbitMQ installed on this machine
        builder.environment().put("PATH", pathWithout("rabbitmq-plugins"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static String queue(int consumers, String... consumerDetails) {
        return """
                {"name":"%s","vhost":"/","durable":true,"messages":3,"messages_ready":1,\
                "messages_unacknowledged":2,"consumers":%d,"consumer_details":[%s]}""".formatted(Topology.JOBS_QUEUE, consumers, String.join(",", consumerDetails));
    }

    private static String consumer(String tag, int peerPort) {
        return """
                {"arguments":{},"ack_required":true,"active":true,"activity_status":"up",\
                "channel_details":{"connection_name":"10.0.0.7:%d -> 10.0.0.2:5672","name":"10.0.0.7:%d -> 10.0.0.2:5672 (1)",\
                "node":"rabbit@rabbitmq","number":1,"peer_host":"10.0.0.7","peer_port":%d,"user":"vidcut"},\
                "consumer_tag":"%s","exclusive":false,"prefetch_count":1,\
                "queue":{"name":"%s","vhost":"/"}}""".formatted(peerPort, peerPort, peerPort, tag, Topology.JOBS_QUEUE);
    }

    private static boolean installed(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return false;
    }

    /** PATH without the directories that hold the given command. */
    private static String pathWithout(String command) {
        return String.join(
                java.io.File.pathSeparator,
                java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                        .filter(dir -> dir.isEmpty() || !Files.isExecutable(Path.of(dir, command)))
                        .toList());
    }
}
