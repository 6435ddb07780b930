package org.vidcut.api.task;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import org.springframework.stereotype.Component;

/**
 * Task counters and timings for Prometheus. The {@code operation} label names what the client asked for, in a
 * fixed order ({@code trim}, {@code resize}, {@code convert}, or a combination such as {@code trim+convert};
 * {@code copy} when nothing was asked), so it has at most eight values however tasks are parameterised.
 */
@Component
class TaskMetrics {

    /**
     * Not {@code vidcut.tasks.created}: the Prometheus client strips a {@code _created} suffix (it is reserved for
     * creation timestamps), which would export it as {@code vidcut_tasks_total}.
     */
    static final String CREATED = "vidcut.tasks.submitted";

    static final String FINISHED = "vidcut.tasks.finished";
    static final String PROCESSING = "vidcut.task.processing";
    static final String RETRIES = "vidcut.task.retries";

    /** Histogram buckets from a quick clip to the longest conversion a worker allows by default. */
    private static final Duration[] PROCESSING_BUCKETS = {
        Duration.ofSeconds(1),
        Duration.ofSeconds(5),
        Duration.ofSeconds(15),
        Duration.ofSeconds(30),
        Duration.ofMinutes(1),
        Duration.ofMinutes(2),
        Duration.ofMinutes(5),
        Duration.ofMinutes(15),
        Duration.ofMinutes(30),
        Duration.ofHours(1)
    };

    private final MeterRegistry registry;
    private final Counter retries;

    TaskMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.retries = Counter.builder(RETRIES)
                .description("Attempts scheduled again after a transient failure or a silent worker")
                .register(registry);
    }

    /** Metrics that go nowhere, for code built outside a Spring context. */
    static TaskMetrics unregistered() {
        return new TaskMetrics(new SimpleMeterRegistry());
    }

    void created(TaskDocument task) {
        Counter.builder(CREATED)
                .description("Tasks created through the API")
                .tag("operation", operation(task))
                .register(registry)
                .increment();
    }

    /**
     * Counts a task that reached DONE or FAILED and, for DONE, times it from its creation to its last update
     * (the done event): what the client waited, queueing and retries included.
     */
    void finished(TaskDocument task) {
        var state = task.state();
        if (state.active()) {
            return;
        }
        var operation = operation(task);
        Counter.builder(FINISHED)
                .description("Tasks that reached a final state")
                .tag("state", state.id())
                .tag("operation", operation)
                .register(registry)
                .increment();
        if (state == TaskState.DONE && task.createdAt() != null && task.updatedAt() != null) {
            Timer.builder(PROCESSING)
                    .description("Time from a task's creation to its result being done")
                    .tag("operation", operation)
                    .serviceLevelObjectives(PROCESSING_BUCKETS)
                    .register(registry)
                    .record(Duration.between(task.createdAt(), task.updatedAt()));
        }
    }

    void retried() {
        retries.increment();
    }

    static String operation(TaskDocument task) {
        var parts = new ArrayList<String>(3);
        var requested = task.requested();
        var operations = task.operations();
        if (requested != null) {
            if (requested.startSeconds() != null || requested.endSeconds() != null) {
                parts.add("trim");
            }
            if (requested.width() != null || requested.height() != null) {
                parts.add("resize");
            }
            if (requested.format() != null) {
                parts.add("convert");
            }
        } else if (operations != null) {
            // documents saved before the request was kept: judge by the plan
            if (operations.startSeconds() > 0 || operations.endSeconds() < task.sourceDurationSeconds()) {
                parts.add("trim");
            }
            if (operations.resizes()) {
                parts.add("resize");
            }
        }
        return parts.isEmpty() ? "copy" : String.join("+", parts);
    }
}
