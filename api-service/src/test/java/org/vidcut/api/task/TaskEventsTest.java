package org.vidcut.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.vidcut.api.storage.InMemoryObjectStore;
import org.vidcut.contracts.FailureKind;
import org.vidcut.contracts.TaskEvent;

class TaskEventsTest {

    private static MongoStandIn mongo;
    private TaskRepository tasks;
    private InMemoryObjectStore store;
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
        events = new TaskEvents(tasks, new RetryPolicy(3, Duration.ofSeconds(5)), store);
    }

    private TaskDocument saved(TaskState state) {
        return tasks.insert(Tasks.task("alice", state));
    }

    private TaskDocument reload(TaskDocument task) {
        return tasks.findById(task.getId()).orElseThrow();
    }

    private static TaskEvent.Started started(TaskDocument task, int attempt) {
        return new TaskEvent.Started(task.getId(), attempt, "w1", Instant.now());
    }

    private static TaskEvent.Progress progress(TaskDocument task, double percent) {
        return new TaskEvent.Progress(task.getId(), task.getAttempt(), "w1", Instant.now(), percent);
    }

    private TaskEvent.Succeeded succeeded(TaskDocument task, int attempt) {
        var key = task.resultObjectKeyFor(attempt);
        store.putBytes(key, new byte[] {1, 2, 3}, "video/mp4");
        return new TaskEvent.Succeeded(
                task.getId(), attempt, "w1", Instant.now(), key, 3, 8.0, 1280, 720, "h264", "aac");
    }

    private static TaskEvent.Failed failed(TaskDocument task, FailureKind kind, String reason) {
        return new TaskEvent.Failed(task.getId(), task.getAttempt(), "w1", Instant.now(), kind, reason);
    }

    @Test
    void startedMovesAScheduledTaskToProcessingWithAHeartbeat() {
        var task = saved(TaskState.SCHEDULED);

        events.apply(started(task, 1));

        var after = reload(task);
        assertThat(after.getState()).isEqualTo(TaskState.PROCESSING);
        assertThat(after.getLastHeartbeatAt()).isNotNull();
    }

    @Test
    void recordsEveryStateEnteredButNotEveryProgressEvent() {
        var task = saved(TaskState.SCHEDULED);

        events.apply(started(task, 1));
        events.apply(progress(task, 10));
        events.apply(progress(task, 60));
        events.apply(succeeded(task, 1));

        assertThat(reload(task).getHistory())
                .extracting(StateChange::state, StateChange::attempt)
                .containsExactly(tuple(TaskState.PROCESSING, 1), tuple(TaskState.DONE, 1));
    }

    @Test
    void recordsTheNewAttemptOfATransientFailure() {
        var task = saved(TaskState.PROCESSING);

        events.apply(failed(task, FailureKind.TRANSIENT, "storage unavailable"));

        assertThat(reload(task).getHistory())
                .extracting(StateChange::state, StateChange::attempt)
                .containsExactly(tuple(TaskState.NEW, 2));
    }

    @Test
    void startedMayBeatTheBrokerConfirm() {
        var task = saved(TaskState.NEW);

        events.apply(started(task, 1));

        var after = reload(task);
        assertThat(after.getState()).isEqualTo(TaskState.PROCESSING);
        assertThat(after.getNextPublishAt())
                .as("the sweeper must not publish it again")
                .isNull();
        assertThat(after.getHistory())
                .as("a start proves the broker had the job")
                .extracting(StateChange::state)
                .containsExactly(TaskState.SCHEDULED, TaskState.PROCESSING);
    }

    @Test
    void progressRecordsPercentAndHeartbeatAndNeverGoesBack() {
        var task = Tasks.task("alice", TaskState.PROCESSING);
        task.setLastHeartbeatAt(Instant.now().minusSeconds(100));
        tasks.insert(task);

        events.apply(progress(task, 40));
        var beat = reload(task).getLastHeartbeatAt();
        events.apply(progress(task, 25));

        var after = reload(task);
        assertThat(after.getProgress()).isEqualTo(40);
        assertThat(beat).isAfter(Instant.now().minusSeconds(10));
        assertThat(after.getState()).isEqualTo(TaskState.PROCESSING);
    }

    @Test
    void succeededCompletesTheTaskWithItsResult() {
        var task = saved(TaskState.PROCESSING);

        events.apply(succeeded(task, 1));

        var after = reload(task);
        assertThat(after.getState()).isEqualTo(TaskState.DONE);
        assertThat(after.getProgress()).isEqualTo(100);
        assertThat(after.getResult())
                .isEqualTo(
                        new TaskResult("results/alice/" + task.getId() + "/1.mp4", 3, 8.0, 1280, 720, "h264", "aac"));
        assertThat(after.getLastHeartbeatAt()).isNull();
    }

    @Test
    void succeededMayArriveBeforeStarted() {
        var task = saved(TaskState.SCHEDULED);

        events.apply(succeeded(task, 1));
        events.apply(started(task, 1));

        var after = reload(task);
        assertThat(after.getState()).isEqualTo(TaskState.DONE);
        assertThat(after.getHistory())
                .as("a result proves the task was processed")
                .extracting(StateChange::state)
                .containsExactly(TaskState.PROCESSING, TaskState.DONE);
    }

    @Test
    void duplicateSucceededKeepsOneResult() {
        var task = saved(TaskState.PROCESSING);
        var event = succeeded(task, 1);

        events.apply(event);
        var first = reload(task);
        events.apply(event);

        var after = reload(task);
        assertThat(after.getVersion()).isEqualTo(first.getVersion());
        assertThat(after.getResult()).isEqualTo(first.getResult());
        assertThat(store.contains(event.resultObjectKey())).isTrue();
    }

    @Test
    void ignoresEventsOfAStaleAttemptAndDeletesItsResult() {
        var task = Tasks.task("alice", TaskState.PROCESSING);
        task.setAttempt(2);
        tasks.insert(task);
        var stale = succeeded(task, 1);

        events.apply(started(task, 1));
        events.apply(stale);
        events.apply(new TaskEvent.Failed(task.getId(), 1, "w1", Instant.now(), FailureKind.FINAL, "old"));

        var after = reload(task);
        assertThat(after.getState()).isEqualTo(TaskState.PROCESSING);
        assertThat(after.getAttempt()).isEqualTo(2);
        assertThat(after.getError()).isNull();
        assertThat(store.contains(stale.resultObjectKey())).isFalse();
    }

    @Test
    void resultOfADeletedTaskIsDeleted() {
        var task = Tasks.task("alice", TaskState.PROCESSING);
        var event = succeeded(task, 1);

        events.apply(event);

        assertThat(store.contains(event.resultObjectKey())).isFalse();
    }

    @Test
    void doesNotDeleteObjectsOutsideTheTasksResults() {
        var task = saved(TaskState.DONE);
        store.putBytes("originals/alice/v1", new byte[] {9}, "video/mp4");
        var foreign = new TaskEvent.Succeeded(
                task.getId(), 1, "w1", Instant.now(), "originals/alice/v1", 1, 1.0, null, null, null, null);

        events.apply(foreign);

        assertThat(store.contains("originals/alice/v1")).isTrue();
    }

    @Test
    void eventsForADoneTaskAreIgnored() {
        var task = saved(TaskState.PROCESSING);
        events.apply(succeeded(task, 1));

        events.apply(started(task, 1));
        events.apply(failed(task, FailureKind.FINAL, "late"));

        var after = reload(task);
        assertThat(after.getState()).isEqualTo(TaskState.DONE);
        assertThat(after.getError()).isNull();
    }

    @Test
    void finalFailureFailsTheTaskWithItsReason() {
        var task = saved(TaskState.PROCESSING);

        events.apply(failed(task, FailureKind.FINAL, "the source is not a readable video"));

        var after = reload(task);
        assertThat(after.getState()).isEqualTo(TaskState.FAILED);
        assertThat(after.getError()).isEqualTo("the source is not a readable video");
        assertThat(after.getAttempt()).isEqualTo(1);
    }

    @Test
    void transientFailureStartsANewAttemptAfterBackoff() {
        var task = saved(TaskState.PROCESSING);
        var before = Instant.now();

        events.apply(failed(task, FailureKind.TRANSIENT, "storage unavailable"));

        var after = reload(task);
        assertThat(after.getState()).isEqualTo(TaskState.NEW);
        assertThat(after.getAttempt()).isEqualTo(2);
        assertThat(after.getError()).isEqualTo("storage unavailable");
        assertThat(after.getProgress()).isZero();
        assertThat(after.getNextPublishAt())
                .isBetween(before.plusSeconds(5).minusMillis(1), Instant.now().plusSeconds(5));
    }

    @Test
    void backoffDoublesForTheNextAttempt() {
        var task = Tasks.task("alice", TaskState.PROCESSING);
        task.setAttempt(2);
        tasks.insert(task);
        var before = Instant.now();

        events.apply(failed(task, FailureKind.TRANSIENT, "broker hiccup"));

        var after = reload(task);
        assertThat(after.getAttempt()).isEqualTo(3);
        assertThat(after.getNextPublishAt())
                .isBetween(before.plusSeconds(10).minusMillis(1), Instant.now().plusSeconds(10));
    }

    @Test
    void transientFailureOfTheLastAttemptFailsTheTask() {
        var task = Tasks.task("alice", TaskState.PROCESSING);
        task.setAttempt(3);
        tasks.insert(task);

        events.apply(failed(task, FailureKind.TRANSIENT, "storage unavailable"));

        var after = reload(task);
        assertThat(after.getState()).isEqualTo(TaskState.FAILED);
        assertThat(after.getAttempt()).isEqualTo(3);
        assertThat(after.getError()).isEqualTo("gave up after 3 attempts: storage unavailable");
    }

    @Test
    void attemptsAreCountedFromTheLatestRestart() {
        var task = Tasks.task("alice", TaskState.PROCESSING);
        task.setAttempt(4);
        task.setRunFirstAttempt(4);
        tasks.insert(task);

        events.apply(failed(task, FailureKind.TRANSIENT, "storage unavailable"));

        assertThat(reload(task).getState()).isEqualTo(TaskState.NEW);
        assertThat(reload(task).getAttempt()).isEqualTo(5);
    }

    @Test
    void transientFailureNeverRevivesAFailedTask() {
        var task = saved(TaskState.FAILED);

        events.apply(failed(task, FailureKind.TRANSIENT, "late duplicate"));

        assertThat(reload(task).getState()).isEqualTo(TaskState.FAILED);
        assertThat(reload(task).getAttempt()).isEqualTo(1);
    }
}
