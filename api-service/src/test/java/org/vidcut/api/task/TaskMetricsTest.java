package org.vidcut.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vidcut.api.task.TaskBuilder.aTask;
import static org.vidcut.api.testing.WorkerEventBuilder.aWorkerEvent;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.vidcut.api.messaging.RecordingCancelPublisher;
import org.vidcut.api.storage.InMemoryObjectStore;
import org.vidcut.api.testing.InMemoryMongo;
import org.vidcut.contracts.FailureKind;
import org.vidcut.contracts.TaskEvent;

/** Task meters as Prometheus scrapes them, after real events applied to tasks in the Mongo stand-in. */
class TaskMetricsTest {

    private static MongoTemplate mongo;
    private TaskRepository tasks;
    private InMemoryObjectStore store;
    private PrometheusMeterRegistry registry;
    private TaskMetrics metrics;
    private TaskEvents events;

    @BeforeAll
    static void database() {
        mongo = InMemoryMongo.template(TaskMetricsTest.class);
    }

    @BeforeEach
    void setUp() {
        mongo.dropCollection(TaskDocument.class);
        tasks = new TaskRepository(mongo, event -> {});
        store = new InMemoryObjectStore();
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        metrics = new TaskMetrics(registry);
        events = new TaskEvents(
                tasks,
                new RetryPolicy(2, Duration.ofSeconds(5)),
                store,
                metrics,
                new RecordingCancelPublisher(),
                () -> {});
    }

    private TaskDocument saved(TaskState state) {
        return tasks.insert(aTask().in(state).build());
    }

    private TaskEvent.Succeeded succeeded(TaskDocument task) {
        var key = task.resultObjectKeyFor(task.attempt());
        store.putBytes(key, new byte[] {1, 2, 3}, "video/mp4");
        return aWorkerEvent()
                .forTask(task.id())
                .attempt(task.attempt())
                .resultKey(key)
                .sizeBytes(3)
                .succeeded();
    }

    private static TaskEvent.Failed failed(TaskDocument task, int attempt, FailureKind kind) {
        return aWorkerEvent().forTask(task.id()).attempt(attempt).failed(kind, "broken");
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
        tasks.transition(task.id(), 2, TaskTransitions.Trigger.STARTED, current -> new Update());
        events.apply(failed(task, 2, FailureKind.TRANSIENT));

        assertThat(registry.scrape())
                .contains("vidcut_task_retries_total 1.0")
                .contains("vidcut_tasks_finished_total{operation=\"trim\",state=\"failed\"} 1.0");
    }

    @Test
    void createdTasksAreCountedByOperation() {
        var task = aTask().requested(new RequestedParams(null, 4.0, 640, null, "webm", null))
                .build();

        metrics.created(task);

        assertThat(registry.scrape()).contains("vidcut_tasks_submitted_total{operation=\"trim+resize+convert\"} 1.0");
    }

    @Test
    void theOperationLabelNamesOnlyWhatWasAsked() {
        var task = aTask();

        task.requested(new RequestedParams(null, null, null, null, null, "exact"));
        assertThat(TaskMetrics.operation(task.build())).isEqualTo("copy");
        task.requested(new RequestedParams(null, null, null, 480, null, null));
        assertThat(TaskMetrics.operation(task.build())).isEqualTo("resize");
        task.requested(new RequestedParams(1.0, null, null, null, "gif", null));
        assertThat(TaskMetrics.operation(task.build())).isEqualTo("trim+convert");
        task.requested(null);
        assertThat(TaskMetrics.operation(task.build()))
                .as("judged by the plan: 2 s to 10 s of 60 s")
                .isEqualTo("trim");
    }

    @Test
    void aCanceledTaskIsCountedAsCanceledWithoutATiming() {
        metrics.finished(aTask().canceled().build());
        metrics.finished(aTask().processing().build());

        assertThat(registry.scrape())
                .contains("vidcut_tasks_finished_total{operation=\"trim\",state=\"canceled\"} 1.0")
                .doesNotContain("state=\"processing\"")
                .doesNotContain("vidcut_task_processing_seconds_count");
    }
}
