package org.vidcut.api.task;

import java.net.URI;
import java.time.Duration;
import java.util.OptionalInt;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.util.unit.DataSize;
import org.vidcut.api.storage.InMemoryObjectStore;
import org.vidcut.support.storage.StorageProperties;

/** Settings and parts of the task feature for tests that wire it by hand, without Spring. */
final class TaskWiring {

    private TaskWiring() {}

    /** The defaults of the task settings (3 attempts, 5 s backoff, 2 min heartbeat timeout...). */
    static TaskProperties properties(boolean requeueScheduledOnStartup) {
        return new TaskProperties(
                3,
                Duration.ofSeconds(5),
                Duration.ofMinutes(2),
                Duration.ofSeconds(30),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                requeueScheduledOnStartup,
                10);
    }

    static StorageProperties storage() {
        return new StorageProperties(
                URI.create("http://localhost:9000"),
                null,
                "access",
                "secret",
                "vidcut",
                "us-east-1",
                DataSize.ofMegabytes(8),
                Duration.ofHours(1),
                Duration.ofSeconds(5));
    }

    /** A fair dispatcher that lets the broker hold one job no worker has started, as with a single worker. */
    static FairDispatcher dispatcher(
            MongoTemplate mongo, TaskRepository tasks, JobDispatcher jobs, TaskProperties properties) {
        var window = new JobWindow(new SchedulingProperties(1, 1, Duration.ofSeconds(1)), OptionalInt::empty);
        return new FairDispatcher(tasks, new WaitingTasks(mongo), jobs, window, properties);
    }

    static TaskViews views(MongoTemplate mongo, InMemoryObjectStore store) {
        return new TaskViews(store, storage(), new WaitingTasks(mongo));
    }

    /** A request to trim 2 s to 10 s of {@code videoId}. */
    static CreateTaskRequest trim(String videoId) {
        return new CreateTaskRequest(videoId, 2, "00:00:10", null, null, null, null);
    }
}
