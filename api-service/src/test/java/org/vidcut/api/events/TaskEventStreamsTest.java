package org.vidcut.api.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.vidcut.api.testing.WorkerEventBuilder.aWorkerEvent;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpointRegistry;
import org.vidcut.api.messaging.RabbitBroker;
import org.vidcut.api.messaging.TaskEventSink;
import org.vidcut.api.task.StoredTasks;
import org.vidcut.api.testing.InMemoryMongo;
import org.vidcut.contracts.FailureKind;
import org.vidcut.contracts.MessageCodec;
import org.vidcut.contracts.TaskEvent;
import org.vidcut.contracts.Topology;

/**
 * The event streams read over real HTTP, on two api replicas that share one database and one broker (this machine's
 * RabbitMQ, in a virtual host of this test run). Replica {@code b} consumes no worker events, so whatever its clients
 * see of a change applied by {@code a} came through the task-updates fanout.
 */
class TaskEventStreamsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final int MAX_STREAMS = 3;

    private static ApiReplica a;
    private static ApiReplica b;
    private static CachingConnectionFactory broker;

    @BeforeAll
    static void startReplicas() {
        assumeTrue(RabbitBroker.reachable(), "RabbitMQ is not running on 127.0.0.1:5672");
        var shared = Map.<String, Object>of(
                "spring.mongodb.uri",
                InMemoryMongo.uri(TaskEventStreamsTest.class),
                "spring.rabbitmq.host",
                RabbitBroker.HOST,
                "spring.rabbitmq.port",
                RabbitBroker.PORT,
                "spring.rabbitmq.virtual-host",
                RabbitBroker.virtualHost(),
                "spring.rabbitmq.username",
                "guest",
                "spring.rabbitmq.password",
                "guest",
                "vidcut.events.max-streams-per-user",
                MAX_STREAMS,
                "vidcut.events.keep-alive",
                "300ms");
        a = ApiReplica.start(shared);
        var onlyFanout = new HashMap<String, Object>(shared);
        onlyFanout.put("spring.rabbitmq.listener.simple.auto-startup", false);
        b = ApiReplica.start(onlyFanout);
        broker = RabbitBroker.connectionFactory(RabbitBroker.PORT);
    }

    @AfterAll
    static void stopReplicas() {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (broker != null) {
            broker.destroy();
        }
    }

    /** What a worker reports, through the broker: replica {@code a} is the only one that consumes it. */
    private static void workerReports(TaskEvent event) {
        var properties = new MessageProperties();
        properties.setContentType(MessageCodec.CONTENT_TYPE);
        new RabbitTemplate(broker)
                .send(
                        Topology.EVENTS_EXCHANGE,
                        Topology.EVENTS_ROUTING_KEY,
                        new Message(MessageCodec.encode(event), properties));
    }

    @Test
    void clientOfOneReplicaSeesProcessingThenDoneOfATaskWhoseEventsAnotherReplicaConsumed() throws Exception {
        assertThat(b.context().getBean(RabbitListenerEndpointRegistry.class).getListenerContainers())
                .as("replica b consumes no worker events")
                .noneMatch(container -> container.isRunning());
        var alice = b.register();
        var task = StoredTasks.scheduled(b.context(), alice.id());

        try (var stream = EventStream.open(b.uri("/v1/tasks/" + task + "/events"), alice.token())) {
            assertThat(stream.status()).isEqualTo(200);
            assertThat(stream.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
            await().atMost(PATIENCE).until(() -> stream.states().contains("scheduled"));

            workerReports(aWorkerEvent().forTask(task).started());
            await().atMost(PATIENCE).until(() -> stream.states().contains("processing"));
            workerReports(aWorkerEvent().forTask(task).succeeded());

            await().atMost(PATIENCE).until(stream::ended);
            assertThat(stream.states()).containsSubsequence("scheduled", "processing", "done");
            assertThat(stream.events())
                    .allSatisfy(event -> assertThat(event.name()).isEqualTo("task"));
            var done = stream.events().get(stream.events().size() - 1).data();
            assertThat(done.get("id").asString()).isEqualTo(task);
            assertThat(done.get("result").get("size").asLong()).isEqualTo(1234);
            assertThat(done.get("url").asString()).startsWith("http://media.example/");
        }
    }

    @Test
    void streamOfOneTaskSendsItAtOnceThenEveryProgressAndEndsAfterItEnded() throws Exception {
        var alice = a.register();
        var task = StoredTasks.scheduled(a.context(), alice.id());
        var sink = a.context().getBean(TaskEventSink.class);

        try (var stream = EventStream.open(a.uri("/v1/tasks/" + task + "/events"), alice.token())) {
            await().atMost(PATIENCE).until(() -> stream.states().equals(List.of("scheduled")));
            sink.apply(aWorkerEvent().forTask(task).started());
            // a stream sends the task as it is when it reads it: two changes close together may arrive as one
            await().atMost(PATIENCE).until(() -> stream.states().contains("processing"));
            sink.apply(aWorkerEvent().forTask(task).progress(40));
            await().atMost(PATIENCE)
                    .until(() -> stream.events().stream()
                            .anyMatch(event -> event.data().get("progress").asDouble() == 40.0));
            sink.apply(aWorkerEvent().forTask(task).failed(FailureKind.FINAL, "broken"));

            await().atMost(PATIENCE).until(stream::ended);
            assertThat(stream.states()).containsSubsequence("scheduled", "processing", "processing", "failed");
        }
    }

    @Test
    void streamOfAnEndedTaskSendsItOnceAndEnds() throws Exception {
        var alice = a.register();
        var task = StoredTasks.done(a.context(), alice.id());

        try (var stream = EventStream.open(a.uri("/v1/tasks/" + task + "/events"), alice.token())) {
            await().atMost(PATIENCE).until(stream::ended);
            assertThat(stream.states()).containsExactly("done");
        }
    }

    @Test
    void anotherUsersTaskIsA404ProblemAndNoStream() throws Exception {
        var alice = a.register();
        var bob = a.register();
        var task = StoredTasks.scheduled(a.context(), alice.id());

        try (var stream = EventStream.open(a.uri("/v1/tasks/" + task + "/events"), bob.token())) {
            assertThat(stream.status()).isEqualTo(404);
            assertThat(stream.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            await().atMost(PATIENCE).until(stream::ended);
            assertThat(stream.text()).contains("\"error\":\"task " + task + " not found\"");
        }
    }

    @Test
    void streamOfAllTasksSendsTheUnfinishedOnesAtOnceThenChangesOfEveryTask() throws Exception {
        var alice = a.register();
        var waiting = StoredTasks.scheduled(a.context(), alice.id());
        StoredTasks.done(a.context(), alice.id());
        StoredTasks.scheduled(a.context(), a.register().id());

        try (var stream = EventStream.open(b.uri("/v1/events"), alice.token())) {
            await().atMost(PATIENCE).until(() -> stream.events().size() == 1);
            var later = StoredTasks.scheduled(a.context(), alice.id());
            workerReports(aWorkerEvent().forTask(waiting).started());

            await().atMost(PATIENCE)
                    .until(() -> stream.events().stream()
                            .map(event -> event.data().get("id").asString() + ":"
                                    + event.data().get("state").asString())
                            .toList()
                            .containsAll(
                                    List.of(waiting + ":scheduled", later + ":scheduled", waiting + ":processing")));
            assertThat(stream.ended()).isFalse();
        }
    }

    @Test
    void openStreamsPerUserAreBoundedAndAClosedOneFreesItsPlace() throws Exception {
        var alice = a.register();
        var open = new ArrayList<EventStream>();
        try {
            for (int i = 0; i < MAX_STREAMS; i++) {
                open.add(EventStream.open(a.uri("/v1/events"), alice.token()));
            }
            try (var refused = EventStream.open(a.uri("/v1/events"), alice.token())) {
                assertThat(refused.status()).isEqualTo(429);
                assertThat(refused.headers().firstValue("Content-Type"))
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            }
            open.remove(0).close();
            var streams = a.context().getBean(TaskStreams.class);
            // the server notices the closed connection at the latest with its next keep-alive
            await().atMost(PATIENCE).until(() -> streams.openStreams(alice.id()) < MAX_STREAMS);
            try (var again = EventStream.open(a.uri("/v1/events"), alice.token())) {
                assertThat(again.status()).isEqualTo(200);
            }
        } finally {
            open.forEach(EventStream::close);
        }
    }

    @Test
    void idleStreamGetsKeepAliveComments() throws Exception {
        var alice = a.register();

        try (var stream = EventStream.open(a.uri("/v1/events"), alice.token())) {
            await().atMost(PATIENCE).until(() -> stream.comments().size() >= 2);
            assertThat(stream.comments())
                    .allSatisfy(comment -> assertThat(comment).isEqualTo("keep-alive"));
        }
    }

    @Test
    void deletingTheTaskEndsItsStream() throws Exception {
        var alice = a.register();
        var task = StoredTasks.scheduled(a.context(), alice.id());

        try (var stream = EventStream.open(b.uri("/v1/tasks/" + task + "/events"), alice.token())) {
            await().atMost(PATIENCE).until(() -> stream.states().contains("scheduled"));
            var deleted = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(a.uri("/v1/tasks/" + task))
                                    .header("Authorization", "Bearer " + alice.token())
                                    .DELETE()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            assertThat(deleted.statusCode()).isEqualTo(204);

            await().atMost(PATIENCE).until(stream::ended);
        }
    }
}
