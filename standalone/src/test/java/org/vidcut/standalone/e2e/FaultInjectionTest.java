package org.vidcut.standalone.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.Result;
import io.minio.messages.Item;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidcut.standalone.Standalone;
import org.vidcut.standalone.StandaloneSettings;
import org.vidcut.standalone.standin.TestBroker;
import tools.jackson.databind.JsonNode;

/**
 * Creates tasks while worker processes are killed with SIGKILL and restarted, and while every broker
 * connection is cut once; then every task must be {@code done} with a valid result or {@code failed} with a
 * final reason, none stuck, none duplicated. {@code -Dvidcut.fault.tasks=1000} turns it into the soak run
 * ({@code scripts/soak.sh}).
 */
class FaultInjectionTest {

    private static final Logger log = LoggerFactory.getLogger(FaultInjectionTest.class);
    private static final int TASKS = Integer.getInteger("vidcut.fault.tasks", 12);
    private static final int CLIP_SECONDS = 12;
    private static final Duration CONSUMER_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration DEADLINE = Duration.ofSeconds(Long.getLong("vidcut.fault.deadline-seconds", 360));

    @TempDir
    Path dir;

    private WorkerProcesses workers;
    private RabbitConsumerTimeout lowered;
    private Path ffmpeg;
    private Standalone system;
    private TcpProxy proxy;

    @AfterEach
    void stopEverything() throws IOException {
        if (workers != null) {
            workers.close();
        }
        if (system != null) {
            system.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (lowered != null) {
            lowered.close();
        }
    }

    @Test
    void everyTaskEndsDoneOrFinallyFailedThroughWorkerKillsAndABrokerCut() throws Exception {
        // jobs run at real-time speed, and on RabbitMQ the long ones outlive its (lowered) consumer timeout
        lowered = RabbitConsumerTimeout.lower(CONSUMER_TIMEOUT).orElse(null);
        ffmpeg = WorkerProcesses.realTimeFfmpeg(dir, dir.resolve("ffmpeg-runs.log"));
        workers = new WorkerProcesses(dir);
        var broker = TestBroker.endpoint();
        proxy = new TcpProxy(broker.host(), broker.port());
        var amqp = new StandaloneSettings.AmqpEndpoint(
                "127.0.0.1", proxy.port(), broker.username(), broker.password(), broker.virtualHost());
        system = Standalone.start(new StandaloneSettings(0, dir.resolve("data"))
                .withExternalAmqp(amqp)
                .withoutInProcessWorker()
                .withApiArguments(List.of(
                        "--vidcut.tasks.heartbeat-timeout=6s",
                        "--vidcut.tasks.sweep-interval=500ms",
                        "--vidcut.tasks.retry-backoff=500ms",
                        "--vidcut.tasks.republish-after=2s",
                        "--vidcut.tasks.max-attempts=6")));
        startWorker(amqp, 1);
        startWorker(amqp, 2);

        var api = ApiClient.anonymous(system.apiBaseUrl().toString());
        var clip = TestMedia.clip(dir, "clip.mp4", CLIP_SECONDS, 640, 480);
        var videoId = api.uploadVideo(clip).path("id").asString();

        var expected = new HashMap<String, Double>();
        // a batch before the first kill and one after each kill, so every new pair of workers finds work to be
        // caught in, however fast the previous batch went
        int batch = Math.max(1, TASKS / 4);
        createTasks(api, videoId, 0, batch, expected);
        int killed = 0;
        var workersStarted = Instant.now();
        for (int round = 1; round <= 3; round++) {
            awaitSomeTaskProcessing(api, expected, workersStarted);
            killed += workers.killAll();
            log.info("round {}: SIGKILLed every worker while tasks were processing ({} kills so far)", round, killed);
            createTasks(api, videoId, round * batch, round == 3 ? TASKS : (round + 1) * batch, expected);
            startWorker(amqp, 2 * round + 1);
            startWorker(amqp, 2 * round + 2);
            workersStarted = Instant.now();
        }
        awaitSomeTaskProcessing(api, expected, workersStarted);
        int cutConnections = proxy.dropAll();
        log.info("cut {} broker connections while tasks were processing", cutConnections);

        await().atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> expected.keySet().stream()
                        .map(api::task)
                        .allMatch(t -> List.of("done", "failed")
                                .contains(t.path("state").asString())));

        int done = 0;
        int failedFinal = 0;
        for (var entry : expected.entrySet()) {
            JsonNode task = api.task(entry.getKey());
            if (task.path("state").asString().equals("done")) {
                done++;
                var file = dir.resolve(entry.getKey() + ".mp4");
                assertThat(api.download("/v1/tasks/" + entry.getKey() + "/content", file)
                                .statusCode())
                        .isEqualTo(200);
                var tolerance = task.path("accuracy").asString().equals("exact") ? 0.15 : 2.1;
                assertThat(TestMedia.probe(file).duration())
                        .as("result of %s", task)
                        .isBetween(entry.getValue() - tolerance, entry.getValue() + tolerance);
            } else {
                failedFinal++;
                assertThat(task.path("error").asString())
                        .as("failed task %s states a reason", task)
                        .isNotBlank();
            }
        }
        var listed = api.get("/v1/tasks?size=100");
        int lost = expected.size() - done - failedFinal;
        int duplicated =
                Integer.parseInt(listed.headers().firstValue("X-Total-Count").orElse("-1"))
                        - TASKS
                        + resultObjectsBeyondOnePerDoneTask(done);
        int reruns = ffmpegRerunsOfOneAttempt(expected.keySet());
        log.info(
                "tasks {}, done {}, failed-final {}, lost {}, duplicated {}, ffmpeg re-runs {} (workers killed {},"
                        + " connections cut {})",
                TASKS,
                done,
                failedFinal,
                lost,
                duplicated,
                reruns,
                killed,
                cutConnections);
        assertThat(lost).isZero();
        assertThat(duplicated).isZero();
        assertThat(reruns).as("ffmpeg runs beyond one per attempt").isZero();
        assertThat(done).as("most tasks survive the faults").isGreaterThan(TASKS / 2);
        assertThat(killed).isEqualTo(6);
        assertThat(cutConnections).isPositive();
    }

    private static void createTasks(ApiClient api, String videoId, int from, int to, Map<String, Double> expected) {
        for (int i = from; i < to; i++) {
            // every tenth is the whole clip: at real-time speed longer than the lowered consumer timeout
            boolean longJob = i % 10 == 9;
            double start = longJob ? 0.5 : i % 4;
            double end = longJob ? CLIP_SECONDS : start + 2 + (i % 3);
            var body = new HashMap<String, Object>(Map.of("video_id", videoId, "start_time", start, "end_time", end));
            body.put("accuracy", i % 2 == 0 ? "exact" : "keyframe");
            var created = api.post("/v1/tasks", body);
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            expected.put(ApiClient.json(created).path("id").asString(), end - start);
        }
    }

    /**
     * Faults are injected only while a live worker has work in flight, else they would prove nothing: a task
     * that a killed worker left in {@code processing} does not count, only one updated since {@code since}.
     */
    private static void awaitSomeTaskProcessing(ApiClient api, Map<String, Double> expected, Instant since) {
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> expected.keySet().stream()
                        .map(api::task)
                        .anyMatch(t -> t.path("state").asString().equals("processing")
                                && Instant.parse(t.path("updated_at").asString())
                                        .isAfter(since)));
    }

    /**
     * One ffmpeg run per attempt, however long the job: the worker names its output {@code <task>-<attempt>-…},
     * so the run log tells how often each attempt ran.
     */
    private int ffmpegRerunsOfOneAttempt(Set<String> taskIds) throws IOException {
        var runsPerAttempt = new HashMap<String, Integer>();
        for (var line : Files.readAllLines(dir.resolve("ffmpeg-runs.log"))) {
            for (var taskId : taskIds) {
                var matcher = Pattern.compile(taskId + "-(\\d+)-").matcher(line);
                if (matcher.find()) {
                    runsPerAttempt.merge(taskId + "#" + matcher.group(1), 1, Integer::sum);
                }
            }
        }
        return runsPerAttempt.values().stream().mapToInt(n -> n - 1).sum();
    }

    /** Stale attempts must not leave results behind: exactly one result object per done task. */
    private int resultObjectsBeyondOnePerDoneTask(int done) throws Exception {
        var minio = MinioClient.builder()
                .endpoint(system.storageEndpoint().toString())
                .credentials(
                        system.secrets().storageAccessKey(), system.secrets().storageSecretKey())
                .region("us-east-1")
                .build();
        var keys = new HashSet<String>();
        for (Result<Item> item : minio.listObjects(ListObjectsArgs.builder()
                .bucket("vidcut")
                .prefix("results/")
                .recursive(true)
                .build())) {
            keys.add(item.get().objectName());
        }
        return keys.size() - done;
    }

    private void startWorker(StandaloneSettings.AmqpEndpoint amqp, int n) throws IOException {
        workers.start(
                system,
                amqp,
                "fault-" + n,
                List.of(
                        "--vidcut.worker.ffmpeg-path=" + ffmpeg,
                        // the count is of conversion runs: a smart trim makes several ffmpeg runs by design
                        "--vidcut.worker.smart-trim=false"));
    }
}
