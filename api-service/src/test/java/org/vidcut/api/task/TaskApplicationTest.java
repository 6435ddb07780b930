package org.vidcut.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.vidcut.api.task.TaskBuilder.aTask;
import static org.vidcut.api.testing.WorkerEventBuilder.aWorkerEvent;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.vidcut.api.auth.TestAuth;
import org.vidcut.api.auth.TestUsers;
import org.vidcut.api.messaging.CancelPublisher;
import org.vidcut.api.messaging.TaskEventSink;
import org.vidcut.api.testing.ApiIntegrationTest;
import org.vidcut.contracts.CancelTask;
import org.vidcut.contracts.Track;

/**
 * The task feature wired into the whole api: Boot's Mongo mapping, property binding, the scheduled sweeper, the
 * event sink and the HTTP layer with real authentication. The broker is deliberately unreachable, so that this
 * test never consumes from the shared events queue; handed-out jobs therefore stay unconfirmed.
 */
@ApiIntegrationTest(
        properties = {
            "vidcut.storage.public-endpoint=http://media.example",
            "vidcut.tasks.sweep-interval=200ms",
            "vidcut.tasks.publish-confirm-timeout=1s"
        })
@DirtiesContext
class TaskApplicationTest {

    private static final String ALICE = TestAuth.bearer("alice");

    @Autowired
    MockMvc mvc;

    @Autowired
    TaskRepository tasks;

    @Autowired
    TaskEventSink events;

    @Autowired
    TaskProperties properties;

    /** Stands for the control fanout: which workers are told to stop what. */
    @MockitoBean
    CancelPublisher cancels;

    @Autowired
    MongoTemplate mongo;

    @BeforeEach
    void users() {
        TestUsers.storeAnonymous(mongo, "alice", "bob", "carol");
    }

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
    void eventsDriveATaskToDoneAndItsViewShowsTheMeasuredResult() throws Exception {
        var task = tasks.insert(aTask().scheduled().build());
        var key = task.resultObjectKeyFor(1);

        events.apply(aWorkerEvent().forTask(task.id()).started());
        events.apply(aWorkerEvent().forTask(task.id()).progress(50));
        mvc.perform(get("/v1/tasks/" + task.id()).header(HttpHeaders.AUTHORIZATION, ALICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("processing"))
                .andExpect(jsonPath("$.progress").value(50.0))
                .andExpect(jsonPath("$.result").value((Object) null));

        // a worker naming another key is not believed: the result is where the task's job said
        events.apply(aWorkerEvent()
                .forTask(task.id())
                .resultKey("results/mallory/elsewhere/1.mp4")
                .durationSeconds(7.96)
                .cut(1.96, 9.92)
                .rotation(90)
                .tracks(List.of(new Track(0, Track.VIDEO, "h264", null), new Track(1, Track.AUDIO, "aac", "fra")))
                .succeeded());

        mvc.perform(get("/v1/tasks/" + task.id()).header(HttpHeaders.AUTHORIZATION, ALICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("done"))
                .andExpect(jsonPath("$.url").value(startsWith("http://media.example/vidcut/" + key)))
                .andExpect(jsonPath("$.start_time").value(2.0))
                .andExpect(jsonPath("$.duration").value(7.96))
                .andExpect(jsonPath("$.result.size").value(1234))
                .andExpect(jsonPath("$.result.duration").value(7.96))
                .andExpect(jsonPath("$.result.width").value(1280))
                .andExpect(jsonPath("$.result.height").value(720))
                .andExpect(jsonPath("$.result.video_codec").value("h264"))
                .andExpect(jsonPath("$.result.audio_codec").value("aac"))
                .andExpect(jsonPath("$.result.start_time").value(1.96))
                .andExpect(jsonPath("$.result.end_time").value(9.92))
                .andExpect(jsonPath("$.result.rotation").value(90))
                .andExpect(jsonPath("$.result.tracks[*].type").value(contains("video", "audio")))
                .andExpect(jsonPath("$.result.tracks[1].language").value("fra"))
                .andExpect(jsonPath("$.history[*].state").value(contains("new", "scheduled", "processing", "done")));
        assertThat(tasks.findById(task.id()).orElseThrow().result().objectKey()).isEqualTo(key);
        mvc.perform(get("/v1/tasks/" + task.id()).header(HttpHeaders.AUTHORIZATION, TestAuth.bearer("bob")))
                .andExpect(status().isNotFound());
        verify(cancels, never()).publish(any());
    }

    @Test
    void getAnswers304ForTheCurrentEtagAndTheNewTaskOnceItChanged() throws Exception {
        var task = tasks.insert(aTask().scheduled().build());
        var etag = mvc.perform(get("/v1/tasks/{id}", task.id()).header(HttpHeaders.AUTHORIZATION, ALICE))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getHeader(HttpHeaders.ETAG);

        mvc.perform(get("/v1/tasks/{id}", task.id())
                        .header(HttpHeaders.AUTHORIZATION, ALICE)
                        .header(HttpHeaders.IF_NONE_MATCH, etag))
                .andExpect(status().isNotModified())
                .andExpect(content().string(""));
        events.apply(aWorkerEvent().forTask(task.id()).started());
        mvc.perform(get("/v1/tasks/{id}", task.id())
                        .header(HttpHeaders.AUTHORIZATION, ALICE)
                        .header(HttpHeaders.IF_NONE_MATCH, etag))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.ETAG, not(etag)))
                .andExpect(jsonPath("$.state").value("processing"));
    }

    @Test
    void doneTaskShowsWhatItsResultReallyIs() throws Exception {
        var task = tasks.insert(aTask().done().build());

        mvc.perform(get("/v1/tasks/{id}", task.id()).header(HttpHeaders.AUTHORIZATION, ALICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("done"))
                .andExpect(jsonPath("$.result.size").value(1_234_567))
                .andExpect(jsonPath("$.result.duration").value(8.0))
                .andExpect(jsonPath("$.result.width").value(1920))
                .andExpect(jsonPath("$.result.height").value(1080))
                .andExpect(jsonPath("$.result.video_codec").value("h264"))
                .andExpect(jsonPath("$.result.audio_codec").value("aac"))
                .andExpect(jsonPath("$.result.start_time").value(2.0))
                .andExpect(jsonPath("$.result.end_time").value(10.0));
    }

    @ParameterizedTest
    @EnumSource(names = {"NEW", "SCHEDULED", "PROCESSING"})
    void cancelOfAnActiveTaskAnswersItCanceledAndTellsTheWorkers(TaskState state) throws Exception {
        var task = tasks.insert(aTask().in(state).attempt(2).build());

        mvc.perform(post("/v1/tasks/{id}/cancel", task.id()).header(HttpHeaders.AUTHORIZATION, ALICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(task.id()))
                .andExpect(jsonPath("$.state").value("canceled"))
                .andExpect(jsonPath("$.url").value((Object) null))
                .andExpect(jsonPath("$.history[-1:].state").value(contains("canceled")));

        var cancel = ArgumentCaptor.forClass(CancelTask.class);
        verify(cancels).publish(cancel.capture());
        assertThat(cancel.getValue().taskId()).isEqualTo(task.id());
        assertThat(cancel.getValue().attempt()).isEqualTo(2);
        assertThat(tasks.findById(task.id()).orElseThrow().state()).isEqualTo(TaskState.CANCELED);
    }

    @ParameterizedTest
    @EnumSource(names = {"DONE", "FAILED", "CANCELED"})
    void cancelOfAnEndedTaskIsA409Problem(TaskState state) throws Exception {
        var task = tasks.insert(aTask().in(state).build());

        mvc.perform(post("/v1/tasks/{id}/cancel", task.id()).header(HttpHeaders.AUTHORIZATION, ALICE))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.status").value(409))
                .andExpect(jsonPath("$.error").value(containsString("is " + state.id())));

        assertThat(tasks.findById(task.id()).orElseThrow())
                .usingRecursiveComparison()
                .isEqualTo(task);
        verify(cancels, never()).publish(any());
    }

    @Test
    void cancelOfAnotherUsersTaskIsA404AndChangesNothing() throws Exception {
        var task = tasks.insert(aTask().processing().build());

        mvc.perform(post("/v1/tasks/{id}/cancel", task.id()).header(HttpHeaders.AUTHORIZATION, TestAuth.bearer("bob")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.error").isNotEmpty());

        assertThat(tasks.findById(task.id()).orElseThrow().state()).isEqualTo(TaskState.PROCESSING);
        verify(cancels, never()).publish(any());
    }

    @Test
    void theWorkerOfACanceledTaskIsToldAgainAndItsLateResultIsIgnored() throws Exception {
        var task = tasks.insert(aTask().processing().build());
        mvc.perform(post("/v1/tasks/{id}/cancel", task.id()).header(HttpHeaders.AUTHORIZATION, ALICE))
                .andExpect(status().isOk());

        events.apply(aWorkerEvent().forTask(task.id()).progress(80));
        events.apply(aWorkerEvent()
                .forTask(task.id())
                .resultKey(task.resultObjectKeyFor(1))
                .succeeded());

        mvc.perform(get("/v1/tasks/{id}", task.id()).header(HttpHeaders.AUTHORIZATION, ALICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("canceled"))
                .andExpect(jsonPath("$.url").value((Object) null))
                .andExpect(jsonPath("$.result").value((Object) null));
        var told = ArgumentCaptor.forClass(CancelTask.class);
        verify(cancels, times(2)).publish(told.capture());
        assertThat(told.getAllValues())
                .extracting(CancelTask::taskId, CancelTask::attempt)
                .containsExactly(tuple(task.id(), 1), tuple(task.id(), 1));
    }

    @Test
    void deleteOfAProcessingTaskTellsTheWorkers() throws Exception {
        var task = tasks.insert(aTask().processing().attempt(2).build());

        mvc.perform(delete("/v1/tasks/{id}", task.id()).header(HttpHeaders.AUTHORIZATION, ALICE))
                .andExpect(status().isNoContent());

        var cancel = ArgumentCaptor.forClass(CancelTask.class);
        verify(cancels).publish(cancel.capture());
        assertThat(cancel.getValue().taskId()).isEqualTo(task.id());
        assertThat(cancel.getValue().attempt()).isEqualTo(2);
        mvc.perform(get("/v1/tasks/{id}", task.id()).header(HttpHeaders.AUTHORIZATION, ALICE))
                .andExpect(status().isNotFound());
    }

    @ParameterizedTest
    @EnumSource(names = {"FAILED", "CANCELED"})
    void restartGivesAFailedOrCanceledTaskANewAttempt(TaskState state) throws Exception {
        var task = tasks.insert(aTask().in(state).build());

        mvc.perform(post("/v1/tasks/{id}/restart", task.id()).header(HttpHeaders.AUTHORIZATION, ALICE))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("scheduled"))
                .andExpect(jsonPath("$.attempts").value(2))
                .andExpect(jsonPath("$.error").value((Object) null));

        var restarted = tasks.findById(task.id()).orElseThrow();
        assertThat(restarted.attempt()).isEqualTo(2);
        assertThat(restarted.runFirstAttempt()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(names = {"NEW", "SCHEDULED", "PROCESSING", "DONE"})
    void restartOfATaskThatIsNeitherFailedNorCanceledIsA409Problem(TaskState state) throws Exception {
        var task = tasks.insert(aTask().in(state).build());

        mvc.perform(post("/v1/tasks/{id}/restart", task.id()).header(HttpHeaders.AUTHORIZATION, ALICE))
                .andExpect(status().isConflict())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.error").value(containsString("only a failed or canceled task")));

        assertThat(tasks.findById(task.id()).orElseThrow().attempt()).isEqualTo(1);
    }

    @Test
    void listFiltersCanceledTasks() throws Exception {
        var carol = TestAuth.bearer("carol");
        var canceled = tasks.insert(aTask().ownedBy("carol").canceled().build());
        tasks.insert(aTask().ownedBy("carol").done().build());
        tasks.insert(aTask().ownedBy("carol").processing().build());
        tasks.insert(aTask().ownedBy("dave").canceled().build());

        mvc.perform(get("/v1/tasks").param("state", "canceled").header(HttpHeaders.AUTHORIZATION, carol))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(canceled.id()))
                .andExpect(jsonPath("$[0].state").value("canceled"));
    }

    @Test
    void scheduledSweeperQueuesDueTasksAndRetriesTheirJobsWhileTheBrokerIsDown() {
        var task = tasks.insert(
                aTask().nextPublishAt(Instant.now().minusSeconds(1)).build());

        // other tests' jobs may fill the broker's window, so the task may wait its turn rather than be handed out
        await().atMost(Duration.ofSeconds(10))
                .until(() -> tasks.findById(task.id()).orElseThrow().state() == TaskState.SCHEDULED);

        var queued = tasks.findById(task.id()).orElseThrow();
        assertThat(queued.waiting() || queued.nextPublishAt().isAfter(Instant.now()))
                .as("waiting its turn, or handed out with its republication due later")
                .isTrue();
    }
}
