package org.vidcut.standalone.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.vidcut.standalone.Standalone;
import org.vidcut.standalone.StandaloneSettings;
import org.vidcut.standalone.standin.TestBroker;

/**
 * Long jobs and cancel through HTTP, a broker and two worker processes whose ffmpeg reads its input at real-time
 * speed ({@code -readrate 1}), so a conversion lasts as long as its output. On the real RabbitMQ its consumer
 * timeout is lowered below the length of a job for the duration of the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class LongJobsEndToEndTest {

    private static final Duration CONSUMER_TIMEOUT = Duration.ofSeconds(4);

    /** Static: JUnit fills instance fields only before each test, and the system starts before all of them. */
    @TempDir
    static Path dir;

    private RabbitConsumerTimeout lowered;
    private Standalone system;
    private WorkerProcesses workers;
    private ApiClient api;
    private MinioClient minio;
    private String videoId;
    private Path runs;

    /** The broker this variant runs on. */
    abstract TestBroker.Endpoint broker();

    @BeforeAll
    void start() throws IOException {
        var broker = broker();
        // before any connection opens: RabbitMQ reads the timeout when a channel opens
        lowered = broker.kind() == TestBroker.Kind.RABBITMQ
                ? RabbitConsumerTimeout.lower(CONSUMER_TIMEOUT).orElse(null)
                : null;
        var amqp = broker.amqp();
        system = Standalone.start(new StandaloneSettings(0, dir.resolve("data"))
                .withExternalAmqp(amqp)
                .withoutInProcessWorker()
                .withApiArguments(List.of("--vidcut.tasks.heartbeat-timeout=20s")));
        runs = dir.resolve("ffmpeg-runs.log");
        var ffmpeg = WorkerProcesses.realTimeFfmpeg(dir, runs);
        workers = new WorkerProcesses(dir);
        for (var id : List.of("long-1", "long-2")) {
            workers.start(
                    system,
                    amqp,
                    id,
                    List.of(
                            "--vidcut.worker.ffmpeg-path=" + ffmpeg,
                            // the count is of conversion runs: a smart trim makes several ffmpeg runs by design
                            "--vidcut.worker.smart-trim=false"));
        }
        api = ApiClient.anonymous(system.apiBaseUrl().toString());
        minio = MinioClient.builder()
                .endpoint(system.storageEndpoint().toString())
                .credentials(
                        system.secrets().storageAccessKey(), system.secrets().storageSecretKey())
                .region("us-east-1")
                .build();
        videoId = api.uploadVideo(TestMedia.clip(dir, "clip.mp4", 40, 320, 240))
                .path("id")
                .asString();
    }

    @AfterAll
    void stop() {
        if (workers != null) {
            workers.close();
        }
        if (system != null) {
            system.close();
        }
        if (lowered != null) {
            lowered.close();
        }
    }

    @Test
    void aConversionLongerThanTheBrokersConsumerTimeoutRunsFfmpegOnceAndIsDone() throws IOException {
        var taskId = createTask(0, 10);

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> List.of("done", "failed").contains(state(taskId)));

        var task = api.task(taskId);
        assertThat(task.path("state").asString()).as("%s", task).isEqualTo("done");
        assertThat(task.path("attempts").asInt()).isEqualTo(1);
        assertThat(task.path("result").path("duration").asDouble()).isBetween(9.8, 10.2);
        assertThat(runsOf(taskId)).as("ffmpeg runs of the task").isEqualTo(1);
    }

    @Test
    void cancelingAProcessingTaskStopsItsFfmpegWithinFiveSecondsAndKeepsNoResult() {
        var taskId = createTask(0, 30);
        awaitFfmpegRunning(taskId);

        var canceled = api.post("/v1/tasks/" + taskId + "/cancel", Map.of());

        assertThat(canceled.statusCode()).as(canceled.body()).isEqualTo(200);
        assertThat(ApiClient.json(canceled).path("state").asString()).isEqualTo("canceled");
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(ffmpegOf(taskId)).isEmpty());
        // nothing appears later either: the worker reports nothing and the api discards what a late attempt stores
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(20))
                .until(() -> state(taskId).equals("canceled") && resultObjects(taskId) == 0);
        assertThat(api.post("/v1/tasks/" + taskId + "/cancel", Map.of()).statusCode())
                .isEqualTo(409);
    }

    @Test
    void deletingAProcessingTaskStopsItsFfmpegWithinFiveSeconds() {
        var taskId = createTask(5, 35);
        awaitFfmpegRunning(taskId);

        assertThat(api.delete("/v1/tasks/" + taskId).statusCode()).isEqualTo(204);

        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(ffmpegOf(taskId)).isEmpty());
        assertThat(api.get("/v1/tasks/" + taskId).statusCode()).isEqualTo(404);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(20)).until(() -> resultObjects(taskId) == 0);
    }

    private String createTask(double start, double end) {
        var created = api.post(
                "/v1/tasks", Map.of("video_id", videoId, "start_time", start, "end_time", end, "accuracy", "exact"));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return ApiClient.json(created).path("id").asString();
    }

    private String state(String taskId) {
        return api.task(taskId).path("state").asString();
    }

    private void awaitFfmpegRunning(String taskId) {
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> state(taskId).equals("processing") && ffmpegRunning(taskId));
    }

    private static boolean ffmpegRunning(String taskId) {
        return !ffmpegOf(taskId).isEmpty();
    }

    /** The worker names its output after the task, so ffmpeg's command line tells whose run it is. */
    private static List<String> ffmpegOf(String taskId) {
        return ProcessHandle.allProcesses()
                .filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                .filter(line -> line.contains("ffmpeg") && line.contains(taskId))
                .toList();
    }

    private long runsOf(String taskId) throws IOException {
        return Files.readAllLines(runs).stream()
                .filter(line -> line.contains(taskId))
                .count();
    }

    private long resultObjects(String taskId) {
        var items = minio.listObjects(ListObjectsArgs.builder()
                .bucket("vidcut")
                .prefix("results/")
                .recursive(true)
                .build());
        return StreamSupport.stream(items.spliterator(), false)
                .map(item -> {
                    try {
                        return item.get().objectName();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .filter(name -> name.contains("/" + taskId + "/"))
                .count();
    }
}
