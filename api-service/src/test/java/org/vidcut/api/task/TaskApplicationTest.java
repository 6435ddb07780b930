package org.vidcut.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.vidcut.api.auth.TestAuth;
import org.vidcut.api.messaging.RabbitBroker;
import org.vidcut.api.messaging.TaskEventSink;
import org.vidcut.contracts.TaskEvent;

/**
 * The task feature wired into the whole api: Boot's Mongo mapping, property binding, the scheduled sweeper, the
 * event sink and the HTTP layer with real authentication. The broker is deliberately unreachable, so that this
 * test never consumes from the shared events queue; jobs therefore stay NEW.
 */
@SpringBootTest(
        properties = {
            "vidcut.auth.jwt-secret=" + TestAuth.SECRET,
            "vidcut.storage.access-key=test",
            "vidcut.storage.secret-key=test-secret",
            "vidcut.storage.public-endpoint=http://media.example",
            "vidcut.tasks.sweep-interval=200ms",
            "vidcut.tasks.publish-confirm-timeout=1s",
            "spring.rabbitmq.connection-timeout=1s"
        })
@AutoConfigureMockMvc
@DirtiesContext
class TaskApplicationTest {

    private static final MongoStandIn MONGO = MongoStandIn.start();
    private static final String ALICE = TestAuth.bearer("alice");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", MONGO::uri);
        registry.add("spring.rabbitmq.host", () -> RabbitBroker.HOST);
        registry.add("spring.rabbitmq.port", RabbitBroker::closedPort);
    }

    /** Stops the stand-in together with the context, so the context's sweeper never runs against a dead one. */
    @TestConfiguration(proxyBeanMethods = false)
    static class StandInLifecycle {
        @Bean(destroyMethod = "close")
        MongoStandIn mongoStandIn() {
            return MONGO;
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    TaskRepository tasks;

    @Autowired
    TaskEventSink events;

    @Autowired
    TaskProperties properties;

    @Test
    void bindsTheDefaultsOfTheTaskProperties() {
        assertThat(properties.maxAttempts()).isEqualTo(3);
        assertThat(properties.retryBackoff()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.heartbeatTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(properties.republishAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(properties.sweepInterval()).isEqualTo(Duration.ofMillis(200));
    }

    @Test
    void taskOfAnUnknownVideoIsA404() throws Exception {
        mvc.perform(post("/v1/tasks")
                        .header(HttpHeaders.AUTHORIZATION, ALICE)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"video_id\":\"no-such-video\",\"start_time\":1}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void eventsDriveATaskToDoneAndItsViewLinksTheResult() throws Exception {
        var task = tasks.insert(Tasks.task("alice", TaskState.SCHEDULED));
        var key = task.resultObjectKeyFor(1);

        events.apply(new TaskEvent.Started(task.getId(), 1, "w1", Instant.now()));
        events.apply(new TaskEvent.Progress(task.getId(), 1, "w1", Instant.now(), 50));
        mvc.perform(get("/v1/tasks/" + task.getId()).header(HttpHeaders.AUTHORIZATION, ALICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("processing"))
                .andExpect(jsonPath("$.progress").value(50.0));

        events.apply(new TaskEvent.Succeeded(
                task.getId(), 1, "w1", Instant.now(), key, 1234, 8.0, 1280, 720, "h264", "aac"));

        mvc.perform(get("/v1/tasks/" + task.getId()).header(HttpHeaders.AUTHORIZATION, ALICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("done"))
                .andExpect(jsonPath("$.url").value(startsWith("http://media.example/vidcut/" + key)))
                .andExpect(jsonPath("$.start_time").value(2.0))
                .andExpect(jsonPath("$.duration").value(8.0));
        mvc.perform(get("/v1/tasks/" + task.getId()).header(HttpHeaders.AUTHORIZATION, TestAuth.bearer("bob")))
                .andExpect(status().isNotFound());
    }

    @Test
    void scheduledSweeperRetriesDueTasksWhileTheBrokerIsDown() {
        var task = Tasks.task("alice", TaskState.NEW);
        task.setNextPublishAt(Instant.now().minusSeconds(1));
        tasks.insert(task);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> tasks.findById(task.getId())
                        .orElseThrow()
                        .getNextPublishAt()
                        .isAfter(Instant.now()));

        assertThat(tasks.findById(task.getId()).orElseThrow().getState()).isEqualTo(TaskState.NEW);
    }
}
