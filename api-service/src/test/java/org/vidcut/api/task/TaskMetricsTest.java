package org.vidcut.api.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vidcut.api.storage.InMemoryObjectStore;
import org.vidcut.contracts.FailureKind;
import org.vidcut.contracts.TaskEvent;

/** Task meters as Prometheus scrapes them, after real events applied to tasks in the Mongo stand-in. */
class TaskMetricsTest {

    private static MongoStandIn mongo;
    private TaskRepository tasks;
    private InMemoryObjectStore store;
    private PrometheusMeterRegistry registry;
    private TaskMetrics metrics;
    private TaskEvents events;

    @BeforeAll
    static void startMongo() {
        mongo = MongoStandIn.start();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void setUp() {
        mongo.template().dropCollection(TaskDocument.class);
        tasks = new TaskRepository(mongo.template());
        store = new InMemoryObjectStore();
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        metrics = new TaskMetrics(registry);
        events = new TaskEvents(tasks, new RetryPolicy(2, Duration.ofSeconds(5)), store, metrics);
    }

    private TaskDocument saved(TaskState state) {
        return tasks.insert(Tasks.task("alice", state));
    }

    private TaskEvent.Succeeded succeeded(TaskDocument task) {
        var key = task.resultObjectKeyFor(task.getAttempt());
        store.putBytes(key, new byte[] {1, 2, 3}, "video/mp4");
        return new TaskEvent.Succeeded(
                task.getId(), task.getAttempt(), "w1", Instant.now(), key, 3, 8.0, 1280, 720, "h264", "aac");
    }

    private static TaskEvent.Failed failed(TaskDocument task, int attempt, FailureKind kind) {
        return new TaskEvent.Failed(task.getId(), attempt, "w1", Instant.now(), kind, "broken");
    }

    @Test
    void aDoneTaskIsCountedOnceAndTimedFromItsCreation() {
        var task = saved(TaskState.PROCESSING);
        var done = succeeded(task);

        events.apply(done);
        events.apply(done);

        assertThat(registry.scrape())
                .contains("vidcut_tasks_finished_total{operation=\"trim\",state=\"done\"} 1.0")
                .contains("vidcut_task_processing_seconds_count{operation=\"trim\"} 1")
                .contains("vidcut_task_processing_seconds_bucket{operation=\"trim\",le=\"1.0\"} 1")
                .contains("# TYPE vidcut_task_processing_seconds histogram")
                .doesNotContain("state=\"failed\"");
    }

    @Test
    void aFinalFailureIsCountedAsFailedWithoutATiming() {
        var task = saved(TaskState.PROCESSING);

        events.apply(failed(task, 1, FailureKind.FINAL));

        assertThat(registry.scrape())
                .contains("vidcut_tasks_finished_total{operation=\"trim\",state=\"failed\"} 1.0")
                .doesNotContain("vidcut_task_processing_seconds_count")
                .contains("vidcut_task_retries_total 0.0");
    }

    @Test
    void transientFailuresCountRetriesUntilTheTaskGivesUp() {
        var task = saved(TaskState.PROCESSING);

        events.apply(failed(task, 1, FailureKind.TRANSIENT));
        tasks.compareAndSet(
                task.getId(),
                2,
                Set.of(TaskState.NEW),
                TaskDocument.entering(TaskState.PROCESSING, 2, Instant.now()),
                Instant.now());
        events.apply(failed(task, 2, FailureKind.TRANSIENT));

        assertThat(registry.scrape())
                .contains("vidcut_task_retries_total 1.0")
                .contains("vidcut_tasks_finished_total{operation=\"trim\",state=\"failed\"} 1.0");
    }

    @Test
    void createdTasksAreCountedByOperation() {
        var task = Tasks.task("alice", TaskState.NEW);
        task.setRequested(new RequestedParams(null, 4.0, 640, null, "webm", null));

        metrics.created(task);

        assertThat(registry.scrape()).contains("vidcut_tasks_submitted_total{operation=\"trim+resize+convert\"} 1.0");
    }

    @Test
    void theOperationLabelNamesOnlyWhatWasAsked() {
        var task = Tasks.task("alice", TaskState.NEW);

        task.setRequested(new RequestedParams(null, null, null, null, null, "exact"));
        assertThat(TaskMetrics.operation(task)).isEqualTo("copy");
        task.setRequested(new RequestedParams(null, null, null, 480, null, null));
        assertThat(TaskMetrics.operation(task)).isEqualTo("resize");
        task.setRequested(new RequestedParams(1.0, null, null, null, "gif", null));
        assertThat(TaskMetrics.operation(task)).isEqualTo("trim+convert");
        task.setRequested(null);
        assertThat(TaskMetrics.operation(task))
                .as("judged by the plan: 2 s to 10 s of 60 s")
                .isEqualTo("trim");
    }
}
