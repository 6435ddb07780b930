package org.vidcut.api.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.vidcut.api.testing.WorkerEventBuilder.aWorkerEvent;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;
import org.vidcut.api.auth.SignedUpUser;
import org.vidcut.api.messaging.TaskEventSink;
import org.vidcut.api.task.StoredTasks;
import org.vidcut.api.testing.ApiIntegrationTest;

/**
 * Webhook deliveries end to end in the api: worker events drive a task, and a receiver in the test checks what
 * arrives with its own verifier. The sweep interval is long, so every delivery here goes out on the fast path
 * (the change, a scheduled retry or a redelivery wakes the sweeper), never on a periodic sweep.
 */
@ApiIntegrationTest(
        properties = {
            "vidcut.storage.public-endpoint=http://media.example",
            "vidcut.webhooks.allow-private-targets=true",
            "vidcut.webhooks.retry-backoff=200ms",
            "vidcut.webhooks.max-backoff=400ms",
            "vidcut.webhooks.sweep-interval=1m",
            "vidcut.webhooks.connect-timeout=1s",
            "vidcut.webhooks.read-timeout=1s",
            "vidcut.webhooks.lease=5s"
        })
@DirtiesContext
class WebhookDeliveryTest {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveryTest.class);
    private static final WebhookReceiver RECEIVER = WebhookReceiver.start();

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    TaskEventSink events;

    @Test
    void receiverSeesTaskDoneOnceSignedAfterAnsweringTwice500() throws Exception {
        var user = SignedUpUser.signUp(mvc);
        var secret = createWebhook(user, "{\"url\":\"" + RECEIVER.url() + "\"}");
        var taskId = StoredTasks.scheduledQuietly(mongo, user.id());
        RECEIVER.failNext(2);

        events.apply(aWorkerEvent().forTask(taskId).started());
        events.apply(aWorkerEvent().forTask(taskId).succeeded());

        await().atMost(Duration.ofSeconds(10)).until(() -> answered(taskId, 204) == 1);
        // nothing more arrives: no duplicate of the received event, and no task.processing (not subscribed)
        await().during(Duration.ofMillis(800))
                .atMost(Duration.ofSeconds(3))
                .until(() -> receivedFor(taskId).size() == 3);
        var received = receivedFor(taskId);
        assertThat(received).extracting(WebhookReceiver.Received::answered).containsExactly(500, 500, 204);
        assertThat(received).extracting(WebhookReceiver.Received::id).containsOnly("evt_" + taskId + "_1_done");
        var verifier = new StandardWebhooksVerifier(secret);
        assertThat(received)
                .allSatisfy(r -> assertThat(
                                verifier.verifies(r.id(), r.timestamp(), r.signature(), r.body(), Instant.now()))
                        .isTrue());
        var body = received.get(2).body();
        assertThat((String) JsonPath.read(body, "$.type")).isEqualTo("task.done");
        assertThat((String) JsonPath.read(body, "$.data.id")).isEqualTo(taskId);
        assertThat((String) JsonPath.read(body, "$.data.state")).isEqualTo("done");
        assertThat((String) JsonPath.read(body, "$.timestamp")).isNotBlank();
    }

    @Test
    void deliveryLogShowsAttemptsAndRedeliverySendsTheSameEventAgain() throws Exception {
        var user = SignedUpUser.signUp(mvc);
        createWebhook(user, "{\"url\":\"" + RECEIVER.url() + "\",\"events\":[\"task.processing\"]}");
        var webhookId = webhookIdOf(user);
        var taskId = StoredTasks.scheduledQuietly(mongo, user.id());
        RECEIVER.failNext(1);

        events.apply(aWorkerEvent().forTask(taskId).started());
        await().atMost(Duration.ofSeconds(10)).until(() -> answered(taskId, 204) == 1);

        var log = mvc.perform(
                        get("/v1/webhooks/{id}/deliveries", webhookId).header(HttpHeaders.AUTHORIZATION, user.bearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].event_type").value("task.processing"))
                .andExpect(jsonPath("$[0].task_id").value(taskId))
                .andExpect(jsonPath("$[0].state").value("succeeded"))
                .andExpect(jsonPath("$[0].attempts").value(2))
                .andExpect(jsonPath("$[0].status_code").value(204))
                .andExpect(jsonPath("$[0].last_error").value((Object) null))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String deliveryId = JsonPath.read(log, "$[0].id");

        mvc.perform(post("/v1/webhooks/{id}/deliveries/{d}/redeliver", webhookId, deliveryId)
                        .header(HttpHeaders.AUTHORIZATION, user.bearer()))
                .andExpect(status().isAccepted());

        await().atMost(Duration.ofSeconds(10)).until(() -> answered(taskId, 204) == 2);
        assertThat(receivedFor(taskId))
                .extracting(WebhookReceiver.Received::id)
                .containsOnly("evt_" + taskId + "_1_processing");
    }

    @Test
    void theStateChangeItselfStartsTheDeliveryWithoutWaitingForASweep() throws Exception {
        var user = SignedUpUser.signUp(mvc);
        createWebhook(user, "{\"url\":\"" + RECEIVER.url() + "\",\"events\":[\"task.processing\"]}");
        var taskId = StoredTasks.scheduledQuietly(mongo, user.id());

        var changed = System.nanoTime();
        events.apply(aWorkerEvent().forTask(taskId).started());

        await().atMost(Duration.ofSeconds(20)).until(() -> answered(taskId, 204) == 1);
        var latency = Duration.ofNanos(System.nanoTime() - changed);
        log.info("state change to webhook received: {} ms", latency.toMillis());
        // far below the one-minute sweep interval (milliseconds on an idle machine): the change woke the sweeper
        assertThat(latency).isLessThan(Duration.ofSeconds(20));
    }

    private String createWebhook(SignedUpUser user, String body) throws Exception {
        var answer = mvc.perform(post("/v1/webhooks")
                        .header(HttpHeaders.AUTHORIZATION, user.bearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(answer, "$.secret");
    }

    private String webhookIdOf(SignedUpUser user) throws Exception {
        var list = mvc.perform(get("/v1/webhooks").header(HttpHeaders.AUTHORIZATION, user.bearer()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(list, "$[0].id");
    }

    private static List<WebhookReceiver.Received> receivedFor(String taskId) {
        return RECEIVER.received().stream()
                .filter(r -> r.body().contains(taskId))
                .toList();
    }

    private static long answered(String taskId, int status) {
        return receivedFor(taskId).stream().filter(r -> r.answered() == status).count();
    }
}
