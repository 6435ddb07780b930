package org.vidcut.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.vidcut.api.testing.WorkerEventBuilder.aWorkerEvent;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.vidcut.api.ApiApplication;
import org.vidcut.api.auth.TestAuth;
import org.vidcut.api.messaging.RabbitBroker;
import org.vidcut.api.messaging.TaskEventSink;
import org.vidcut.api.task.StoredTasks;
import org.vidcut.api.testing.InMemoryMongo;

/** Deliveries live in the database, not in an api process: one run's pending delivery is made by the next. */
class WebhookRestartTest {

    @Test
    void aDeliveryStillPendingWhenTheApiStopsIsDeliveredByTheNextRun() {
        try (var receiver = WebhookReceiver.start()) {
            receiver.failNext(Integer.MAX_VALUE);
            String taskId;
            String secret;
            try (var first = startApi()) {
                secret = first.getBean(WebhookService.class)
                        .create("alice", new CreateWebhookRequest(receiver.url(), null))
                        .secret();
                taskId = StoredTasks.scheduledQuietly(first.getBean(MongoTemplate.class), "alice");
                var events = first.getBean(TaskEventSink.class);
                events.apply(aWorkerEvent().forTask(taskId).started());
                events.apply(aWorkerEvent().forTask(taskId).succeeded());
                await().atMost(Duration.ofSeconds(20))
                        .until(() -> !receiver.received().isEmpty());
            }
            receiver.failNext(0);

            try (var second = startApi()) {
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> receiver.received().stream().anyMatch(r -> r.answered() == 204));
            }

            var eventId = "evt_" + taskId + "_1_done";
            assertThat(receiver.received())
                    .extracting(WebhookReceiver.Received::id)
                    .containsOnly(eventId);
            var delivered = receiver.received().stream()
                    .filter(r -> r.answered() == 204)
                    .toList();
            assertThat(delivered).hasSize(1);
            var last = delivered.get(0);
            assertThat(new StandardWebhooksVerifier(secret)
                            .verifies(last.id(), last.timestamp(), last.signature(), last.body(), Instant.now()))
                    .isTrue();
        }
    }

    /** Settings as command-line arguments: they must win over the api's defaults file. */
    private static ConfigurableApplicationContext startApi() {
        return new SpringApplicationBuilder(ApiApplication.class)
                .run(
                        "--server.port=0",
                        "--management.server.port=0",
                        "--spring.mongodb.uri=" + InMemoryMongo.uri(WebhookRestartTest.class),
                        "--spring.rabbitmq.host=" + RabbitBroker.HOST,
                        "--spring.rabbitmq.port=" + RabbitBroker.closedPort(),
                        "--spring.rabbitmq.connection-timeout=1s",
                        "--vidcut.auth.jwt-secret=" + TestAuth.SECRET,
                        "--vidcut.storage.access-key=test",
                        "--vidcut.storage.secret-key=test-secret",
                        "--vidcut.webhooks.allow-private-targets=true",
                        "--vidcut.webhooks.retry-backoff=200ms",
                        "--vidcut.webhooks.max-backoff=400ms",
                        "--vidcut.webhooks.sweep-interval=200ms",
                        "--vidcut.webhooks.connect-timeout=1s",
                        "--vidcut.webhooks.read-timeout=1s",
                        "--vidcut.webhooks.lease=3s");
    }
}
