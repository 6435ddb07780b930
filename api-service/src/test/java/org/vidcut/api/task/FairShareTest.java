package org.vidcut.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.oneOf;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.vidcut.api.testing.WorkerEventBuilder.aWorkerEvent;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
import org.vidcut.api.messaging.JobPublisher;
import org.vidcut.api.messaging.PublishOutcome;
import org.vidcut.api.messaging.TaskEventSink;
import org.vidcut.api.testing.ApiIntegrationTest;
import org.vidcut.contracts.ConversionJob;

/**
 * Fair share (GitHub issue 10) through the whole api: user A submits 200 tasks, then user B one. The broker is an
 * in-process queue that confirms every job, and two test workers take jobs from it and report them started and
 * succeeded through the api's event sink, as real workers do. B's task must start after at most about one of A's
 * jobs per worker, not after A's backlog.
 */
@ApiIntegrationTest(
        properties = {
            "vidcut.limits.tasks-per-minute=1000",
            "vidcut.limits.active-tasks=1000",
            // two workers: the broker holds at most two jobs that no worker has started
            "vidcut.scheduling.min-jobs-in-broker=" + FairShareTest.WORKERS
        })
@DirtiesContext
class FairShareTest {

    static final int WORKERS = 2;
    private static final int BACKLOG = 200;
    private static final String ALICES_VIDEO = new ObjectId().toHexString();
    private static final String BOBS_VIDEO = new ObjectId().toHexString();

    @Autowired
    MockMvc mvc;

    @Autowired
    TaskEventSink events;

    @MockitoBean
    JobPublisher publisher;

    @MockitoBean
    CancelPublisher cancels;

    @Autowired
    MongoTemplate mongo;

    private final BlockingQueue<ConversionJob> broker = new LinkedBlockingQueue<>();
    private final List<String> started = new CopyOnWriteArrayList<>();
    private final ExecutorService workers = Executors.newFixedThreadPool(WORKERS);

    @BeforeEach
    void users() {
        TestUsers.storeAnonymous(mongo, "alice", "bob");
    }

    @AfterEach
    void stopWorkers() throws InterruptedException {
        workers.shutdownNow();
        assertThat(workers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void oneUsersBacklogDelaysAnotherUsersTaskByAboutOneJobPerWorker() throws Exception {
        video(ALICES_VIDEO, "alice");
        video(BOBS_VIDEO, "bob");
        when(publisher.publish(any(), any())).thenAnswer(call -> {
            broker.add(call.getArgument(0));
            return PublishOutcome.CONFIRMED;
        });
        var alicesTasks = new ArrayList<String>();
        for (int i = 0; i < BACKLOG; i++) {
            alicesTasks.add(create("alice", ALICES_VIDEO));
        }
        var bobsTask = create("bob", BOBS_VIDEO);

        // before any worker runs: two of alice's jobs wait in the broker, bob's task is next, then alice's in order
        assertThat(broker).extracting(ConversionJob::taskId).containsExactlyElementsOf(alicesTasks.subList(0, 2));
        queuePosition("alice", alicesTasks.get(0), 0);
        queuePosition("bob", bobsTask, 0);
        queuePosition("alice", alicesTasks.get(2), 1);
        queuePosition("alice", alicesTasks.get(3), 2);
        queuePosition("alice", alicesTasks.get(BACKLOG - 1), BACKLOG - 2);

        for (int i = 0; i < WORKERS; i++) {
            workers.submit(this::work);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> started.contains(bobsTask));

        int alicesJobsFirst = started.indexOf(bobsTask);
        assertThat(alicesJobsFirst)
                .as("alice's jobs started before bob's: the window's and about one per worker, not her backlog")
                .isLessThanOrEqualTo(2 * WORKERS);
        assertThat(started.subList(0, alicesJobsFirst)).allMatch(alicesTasks::contains);
        mvc.perform(get("/v1/tasks/{id}", bobsTask).header(HttpHeaders.AUTHORIZATION, TestAuth.bearer("bob")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value(oneOf("processing", "done")))
                .andExpect(jsonPath("$.queue_position").value((Object) null));
    }

    /** A 60 s 1920x1080 H.264/AAC mp4 as the upload would have stored it. */
    private void video(String id, String owner) {
        mongo.insert(
                new Document("_id", new ObjectId(id))
                        .append("ownerId", owner)
                        .append("objectKey", "originals/" + owner + "/" + id)
                        .append("filename", "clip.mp4")
                        .append("contentType", "video/mp4")
                        .append("size", 1_000_000L)
                        .append("durationSeconds", 60.0)
                        .append("width", 1920)
                        .append("height", 1080)
                        .append("videoCodec", "h264")
                        .append("audioCodec", "aac")
                        .append("container", TaskPlannerTest.MP4_FAMILY)
                        .append("createdAt", new Date()),
                "videos");
    }

    private String create(String user, String videoId) throws Exception {
        var body = mvc.perform(post("/v1/tasks")
                        .header(HttpHeaders.AUTHORIZATION, TestAuth.bearer(user))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"video_id\":\"" + videoId + "\",\"start_time\":2,\"end_time\":10}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.state").value("scheduled"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        return JsonPath.read(body, "$.id");
    }

    private void queuePosition(String owner, String taskId, int expected) throws Exception {
        mvc.perform(get("/v1/tasks/{id}", taskId).header(HttpHeaders.AUTHORIZATION, TestAuth.bearer(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("scheduled"))
                .andExpect(jsonPath("$.queue_position").value(expected));
    }

    /** A worker that takes the next job and reports it started, then succeeded at once. */
    private void work() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                var job = broker.poll(100, TimeUnit.MILLISECONDS);
                if (job == null) {
                    continue;
                }
                started.add(job.taskId());
                var worker = aWorkerEvent()
                        .forTask(job.taskId())
                        .attempt(job.attempt())
                        .by("test-worker");
                events.apply(worker.started());
                events.apply(worker.resultKey(job.resultObjectKey())
                        .dimensions(1920, 1080)
                        .succeeded());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
