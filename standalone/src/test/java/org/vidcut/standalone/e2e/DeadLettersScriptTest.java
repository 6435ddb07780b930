package org.vidcut.standalone.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidcut.contracts.Topology;
import org.vidcut.standalone.standin.TestBroker;

/**
 * scripts/dead-letters.sh against the real RabbitMQ's management API, in a vhost of its own holding the jobs
 * queue and its dead-letter queue, where a worker-like consumer rejected a job. Skipped without RabbitMQ and its
 * management plugin, except the check that the script fails distinctly without the API.
 */
class DeadLettersScriptTest {

    private static final String JOB = "{\"type\":\"conversion_job.v1\",\"task_id\":\"6a1f\",\"attempt\":1}";
    private static final String MESSAGE_ID = "6a1f/1";

    @TempDir
    Path dir;

    private String vhost;
    /** As the services declare them; a test may lower the delivery limit. */
    private Map<String, Object> deadQueueArguments = Topology.quorumArguments();

    private Connection connection;
    private Channel channel;

    @AfterEach
    void deleteTheVirtualHost() throws IOException, TimeoutException {
        if (connection != null) {
            connection.close();
        }
        if (vhost != null) {
            RabbitManagement.deleteVirtualHost(vhost);
        }
    }

    @Test
    void listsARejectedJobWithWhyAndWhereFromItWasDeadLettered() throws Exception {
        aJobRejectedByAWorker();

        var result = run("list");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output())
                .contains(Topology.JOBS_DEAD_LETTER_QUEUE + " (vhost " + vhost + "): 1 message(s)")
                .contains("message_id=" + MESSAGE_ID)
                .contains("reason=rejected")
                .contains("from=" + Topology.JOBS_QUEUE)
                .contains("exchange=" + Topology.JOBS_EXCHANGE)
                .contains(Topology.EVENTS_DEAD_LETTER_QUEUE + " (vhost " + vhost + "): 0 message(s)");
        assertThat(depth(Topology.JOBS_DEAD_LETTER_QUEUE)).isEqualTo(1);
    }

    @Test
    void showsADeadLetterInFullAndLeavesItInTheQueue() throws Exception {
        aJobRejectedByAWorker();

        var result = run("show", "jobs");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output())
                .contains("\"message_id\": \"" + MESSAGE_ID + "\"")
                .contains("\"x-death\"")
                .contains("\"task_id\": \"6a1f\"");
        assertThat(depth(Topology.JOBS_DEAD_LETTER_QUEUE)).isEqualTo(1);
    }

    @Test
    void replaysADeadLetteredJobToTheJobsQueueWithoutItsDeathHistory() throws Exception {
        aJobRejectedByAWorker();
        var saved = dir.resolve("taken.json");

        var result = run("replay", "jobs", "--save", saved.toString());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("replayed to exchange " + Topology.JOBS_EXCHANGE);
        assertThat(depth(Topology.JOBS_DEAD_LETTER_QUEUE)).isZero();
        var replayed = channel.basicGet(Topology.JOBS_QUEUE, true);
        assertThat(replayed).isNotNull();
        assertThat(new String(replayed.getBody(), StandardCharsets.UTF_8)).isEqualTo(JOB);
        assertThat(replayed.getProps().getMessageId()).isEqualTo(MESSAGE_ID);
        assertThat(replayed.getProps().getDeliveryMode()).isEqualTo(2);
        // a quorum queue counts deliveries itself: the replayed job starts from none
        assertThat(replayed.getProps().getHeaders().getOrDefault("x-delivery-count", 0L))
                .isEqualTo(0L);
        assertThat(replayed.getProps().getHeaders())
                .doesNotContainKey("x-death")
                .containsKey("x-vidcut-replayed-from");
        assertThat(Files.readString(saved)).contains(MESSAGE_ID);
    }

    @Test
    void warnsBeforeLookingAgainWouldMakeTheQuorumQueueDropADeadLetter() throws Exception {
        deadQueueArguments = Map.of("x-queue-type", "quorum", "x-delivery-limit", 6);
        aJobRejectedByAWorker();

        var first = run("show", "jobs");
        var second = run("list");

        assertThat(first.output()).doesNotContain("WARNING");
        assertThat(second.exitCode()).as(second.output()).isZero();
        assertThat(second.output())
                .contains("deliveries=1")
                .contains("WARNING: message_id=" + MESSAGE_ID)
                .contains("drops it after 6");
        assertThat(depth(Topology.JOBS_DEAD_LETTER_QUEUE)).isEqualTo(1);
    }

    @Test
    void failsDistinctlyWhenTheManagementApiDoesNotAnswer() throws Exception {
        Assumptions.assumeTrue(installed("curl") && installed("jq"), "curl and jq are installed");
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        var result = run(Map.of("RABBITMQ_MANAGEMENT_URL", "http://127.0.0.1:" + closedPort), "list");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.output()).contains("management API not reachable");
    }

    /** The jobs topology in a fresh vhost, and one job that a consumer rejected without requeue. */
    private void aJobRejectedByAWorker() throws IOException, TimeoutException {
        Assumptions.assumeTrue(RabbitManagement.available(), "no RabbitMQ with the management API on 127.0.0.1");
        Assumptions.assumeTrue(installed("curl") && installed("jq"), "curl and jq are installed");
        vhost = RabbitManagement.createVirtualHost("vidcut-dead-letters-test");
        var factory = TestBroker.rabbitMq().connectionFactory();
        factory.setVirtualHost(vhost);
        connection = factory.newConnection("dead-letters-test");
        channel = connection.createChannel();
        declare(
                Topology.JOBS_EXCHANGE,
                Topology.JOBS_QUEUE,
                Topology.JOBS_ROUTING_KEY,
                Topology.JOBS_DEAD_LETTER_EXCHANGE,
                Topology.JOBS_DEAD_LETTER_QUEUE);
        declare(
                Topology.EVENTS_EXCHANGE,
                Topology.EVENTS_QUEUE,
                Topology.EVENTS_ROUTING_KEY,
                Topology.EVENTS_DEAD_LETTER_EXCHANGE,
                Topology.EVENTS_DEAD_LETTER_QUEUE);

        var properties = new AMQP.BasicProperties.Builder()
                .messageId(MESSAGE_ID)
                .type("conversion_job.v1")
                .contentType("application/json")
                .deliveryMode(2)
                .build();
        channel.basicPublish(
                Topology.JOBS_EXCHANGE, Topology.JOBS_ROUTING_KEY, properties, JOB.getBytes(StandardCharsets.UTF_8));
        var delivery = await().atMost(Duration.ofSeconds(10))
                .until(() -> channel.basicGet(Topology.JOBS_QUEUE, false), java.util.Objects::nonNull);
        channel.basicReject(delivery.getEnvelope().getDeliveryTag(), false);
        await().atMost(Duration.ofSeconds(10)).until(() -> depth(Topology.JOBS_DEAD_LETTER_QUEUE) == 1);
    }

    private void declare(String exchange, String queue, String routingKey, String deadLetterExchange, String deadQueue)
            throws IOException {
        channel.exchangeDeclare(exchange, "direct", true);
        channel.exchangeDeclare(deadLetterExchange, "fanout", true);
        channel.queueDeclare(queue, true, false, false, Topology.durableQueueArguments(deadLetterExchange));
        channel.queueDeclare(deadQueue, true, false, false, deadQueueArguments);
        channel.queueBind(queue, exchange, routingKey);
        channel.queueBind(deadQueue, deadLetterExchange, "");
    }

    private long depth(String queue) throws IOException {
        return channel.queueDeclarePassive(queue).getMessageCount();
    }

    private record Result(int exitCode, String output) {}

    private Result run(String... arguments) throws IOException, InterruptedException {
        return run(Map.of(), arguments);
    }

    private Result run(Map<String, String> environment, String... arguments) throws IOException, InterruptedException {
        var command = new ArrayList<>(List.of(
                "bash", repositoryRoot().resolve("scripts/dead-letters.sh").toString()));
        command.addAll(List.of(arguments));
        var builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("RABBITMQ_MANAGEMENT_URL", RabbitManagement.URL);
        builder.environment().put("RABBITMQ_USER", RabbitManagement.USER);
        builder.environment().put("RABBITMQ_PASSWORD", RabbitManagement.PASSWORD);
        builder.environment().put("RABBITMQ_VHOST", vhost == null ? "/" : vhost);
        builder.environment().putAll(environment);
        var process = builder.start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static Path repositoryRoot() {
        var directory = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(directory.resolve("scripts"))) {
            directory = directory.getParent();
        }
        return directory;
    }

    private static boolean installed(String command) {
        for (var directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, command))) {
                return true;
            }
        }
        return false;
    }
}
