package org.vidcut.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.vidcut.api.task.TaskBuilder.aTask;
import static org.vidcut.api.testing.WorkerEventBuilder.aWorkerEvent;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.vidcut.api.messaging.JobPublisher;
import org.vidcut.api.messaging.PublishOutcome;
import org.vidcut.api.messaging.RecordingCancelPublisher;
import org.vidcut.api.storage.InMemoryObjectStore;
import org.vidcut.api.testing.InMemoryMongo;
import org.vidcut.contracts.CancelTask;
import org.vidcut.contracts.FailureKind;
import org.vidcut.contracts.TaskEvent;
import org.vidcut.contracts.TrimMethod;

class TaskEventsTest {

    private static MongoTemplate mongo;
    private TaskRepository tasks;
    private InMemoryObjectStore store;
    private RecordingCancelPublisher cancels;
    private TaskEvents events;

    @BeforeAll
    static void database() {
        mongo = InMemoryMongo.template(TaskEventsTest.class);
    }

    @BeforeEach
    void setUp() {
        mongo.dropCollection(TaskDocument.class);
        tasks = new TaskRepository(mongo, event -> {});
        store = new InMemoryObjectStore();
        cancels = new RecordingCancelPublisher();
        events = new TaskEvents(
                tasks, new RetryPolicy(3, Duration.ofSeconds(5)), store, TaskMetrics.unregistered(), cancels, () -> {});
    }

    private TaskDocument saved(TaskBuilder task) {
        return tasks.insert(task.build());
    }

    private TaskDocument reload(TaskDocument task) {
        return tasks.findById(task.id()).orElseThrow();
    }

    private static TaskEvent.Started started(TaskDocument task, int attempt) {
        return aWorkerEvent().forTask(task.id()).attempt(attempt).started();
    }

    private static TaskEvent.Progress progress(TaskDocument task, double percent) {
        return progress(task, task.attempt(), percent);
    }

    private static TaskEvent.Progress progress(TaskDocument task, int attempt, double percent) {
        return aWorkerEvent().forTask(task.id()).attempt(attempt).progress(percent);
    }

    /** A success of {@code attempt} whose result the worker stored where the job told it to. */
    private TaskEvent.Succeeded succeeded(TaskDocument task, int attempt) {
        return succeededAt(task, attempt, task.resultObjectKeyFor(attempt));
    }

    private TaskEvent.Succeeded succeededAt(TaskDocument task, int attempt, String key) {
        store.putBytes(key, new byte[] {1, 2, 3}, "video/mp4");
        return aWorkerEvent()
                .forTask(task.id())
                .attempt(attempt)
                .resultKey(key)
                .sizeBytes(3)
                .method(TrimMethod.SMART)
                .succeeded();
    }

    private static TaskEvent.Failed failed(TaskDocument task, FailureKind kind, String reason) {
        return aWorkerEvent().forTask(task.id()).attempt(task.attempt()).failed(kind, reason);
    }

    @Test
    void startedMovesAScheduledTaskToProcessingWithAHeartbeat() {
        var task = saved(aTask().scheduled());

        events.apply(started(task, 1));

        var after = reload(task);
        assertThat(after.state()).isEqualTo(TaskState.PROCESSING);
        assertThat(after.lastHeartbeatAt()).isNotNull();
        assertThat(cancels.published()).isEmpty();
    }

    @Test
    void recordsEveryStateEnteredButNotEveryProgressEvent() {
        var task = saved(aTask().scheduled());

        events.apply(started(task, 1));
        events.apply(progress(task, 10));
        events.apply(progress(task, 60));
        events.apply(succeeded(task, 1));

        assertThat(reload(task).history())
                .extracting(StateChange::state, StateChange::attempt)
                .containsExactly(
                        tuple(TaskState.NEW, 1),
                        tuple(TaskState.SCHEDULED, 1),
                        tuple(TaskState.PROCESSING, 1),
                        tuple(TaskState.DONE, 1));
    }

    @Test
    void recordsTheNewAttemptOfATransientFailure() {
        var task = saved(aTask().processing());

        events.apply(failed(task, FailureKind.TRANSIENT, "storage unavailable"));

        assertThat(reload(task).history())
                .extracting(StateChange::state, StateChange::attempt)
                .containsExactly(
                        tuple(TaskState.NEW, 1),
                        tuple(TaskState.SCHEDULED, 1),
                        tuple(TaskState.PROCESSING, 1),
                        tuple(TaskState.NEW, 2));
    }

    @Test
    void startedBeforeTheBrokerConfirmMovesANewTaskToProcessing() {
        var task = saved(aTask());

        events.apply(started(task, 1));

        var after = reload(task);
        assertThat(after.state()).isEqualTo(TaskState.PROCESSING);
        assertThat(after.nextPublishAt())
                .as("the sweeper must not publish it again")
                .isNull();
        assertThat(after.history())
                .as("a start proves the broker had the job")
                .extracting(StateChange::state)
                .containsExactly(TaskState.NEW, TaskState.SCHEDULED, TaskState.PROCESSING);
    }

    @Test
    void progressWhileNewMovesTheTaskToProcessingThroughScheduled() {
        var task = saved(aTask());

        events.apply(progress(task, 30));

        var after = reload(task);
        assertThat(after.state()).isEqualTo(TaskState.PROCESSING);
        assertThat(after.progress()).isEqualTo(30);
        assertThat(after.nextPublishAt()).isNull();
        assertThat(after.lastHeartbeatAt()).isNotNull();
        assertThat(after.history())
                .extracting(StateChange::state)
                .containsExactly(TaskState.NEW, TaskState.SCHEDULED, TaskState.PROCESSING);
    }

    @Test
    void progressWhileScheduledMovesTheTaskToProcessing() {
        var task = saved(aTask().scheduled());

        events.apply(progress(task, 5));

        var after = reload(task);
        assertThat(after.state()).isEqualTo(TaskState.PROCESSING);
        assertThat(after.history())
                .extracting(StateChange::state)
                .containsExactly(TaskState.NEW, TaskState.SCHEDULED, TaskState.PROCESSING);
    }

    @Test
    void lateBrokerConfirmAfterTheStartChangesNothing() {
        var task = saved(aTask());
        var publisher = mock(JobPublisher.class);
        // the worker took the job and reported its start before the broker's confirm reached the api
        when(publisher.publish(any(), any())).thenAnswer(call -> {
            events.apply(started(task, 1));
            return PublishOutcome.CONFIRMED;
        });
        var dispatcher = new JobDispatcher(publisher, tasks, TaskWiring.properties(false));

        var dispatched = dispatcher.dispatch(task);

        var after = reload(task);
        assertThat(dispatched.state()).isEqualTo(TaskState.PROCESSING);
        assertThat(after.state()).isEqualTo(TaskState.PROCESSING);
        assertThat(after.history())
                .extracting(StateChange::state)
                .containsExactly(TaskState.NEW, TaskState.SCHEDULED, TaskState.PROCESSING);
    }

    @Test
    void progressRecordsPercentAndHeartbeatAndNeverGoesBack() {
        var task = saved(aTask().processing().lastHeartbeatAt(Instant.now().minusSeconds(100)));

        events.apply(progress(task, 40));
        var beat = reload(task).lastHeartbeatAt();
        events.apply(progress(task, 25));

        var after = reload(task);
        assertThat(after.progress()).isEqualTo(40);
        assertThat(beat).isAfter(Instant.now().minusSeconds(10));
        assertThat(after.state()).isEqualTo(TaskState.PROCESSING);
        assertThat(cancels.published()).isEmpty();
    }

    @Test
    void succeededCompletesTheTaskWithItsResult() {
        var task = saved(aTask().processing());

        events.apply(succeeded(task, 1));

        var after = reload(task);
        assertThat(after.state()).isEqualTo(TaskState.DONE);
        assertThat(after.progress()).isEqualTo(100);
        assertThat(after.result())
                .isEqualTo(new TaskResult(
                        "results/alice/" + task.id() + "/1.mp4",
                        3,
                        8.0,
                        1280,
                        720,
                        "h264",
                        "aac",
                        2.0,
                        10.0,
                        null,
                        null,
                        TrimMethod.SMART));
        assertThat(after.lastHeartbeatAt()).isNull();
    }

    /** Issue 9, bug 5: such a success matched no transition, was dropped and its result deleted. */
    @Test
    void succeededWhileNewCompletesTheTaskThroughScheduledAndProcessing() {
        var task = saved(aTask());
        var event = succeeded(task, 1);

        events.apply(event);

        var after = reload(task);
        assertThat(after.state()).isEqualTo(TaskState.DONE);
        assertThat(after.history())
                .extracting(StateChange::state, StateChange::attempt)
                .containsExactly(
                        tuple(TaskState.NEW, 1),
                        tuple(TaskState.SCHEDULED, 1),
                        tuple(TaskState.PROCESSING, 1),
                        tuple(TaskState.DONE, 1));
        assertThat(after.result().objectKey()).isEqualTo(task.resultObjectKeyFor(1));
        assertThat(after.nextPublishAt())
                .as("the sweeper must not run it again")
                .isNull();
        assertThat(store.contains(event.resultObjectKey())).isTrue();
    }

    @Test
    void succeededWhileScheduledRecordsProcessingThenDone() {
        var task = saved(aTask().scheduled());

        events.apply(succeeded(task, 1));
        events.apply(started(task, 1));

        var after = reload(task);
        assertThat(after.state()).isEqualTo(TaskState.DONE);
        assertThat(after.history())
                .as("a result proves the task was processed")
                .extracting(StateChange::state)
                .containsExactly(TaskState.NEW, TaskState.SCHEDULED, TaskState.PROCESSING, TaskState.DONE);
    }

    @Test
    void resultKeyIsTheTasksOwnWhateverTheEventNames() {
        var task = saved(aTask().processing());
        var elsewhere = "results/mallory/someone-elses-task/1.mp4";

        events.apply(succeededAt(task, 1, elsewhere));

        var after = reload(task);
        assertThat(after.state()).isEqualTo(TaskState.DONE);
        assertThat(after.result().objectKey()).isEqualTo("results/alice/" + task.id() + "/1.mp4");
        assertThat(store.contains(elsewhere))
                .as("an object the task does not own is left alone")
                .isTrue();
    }

    @Test
    void duplicateSucceededKeepsOneResult() {
        var task = saved(aTask().processing());
        var event = succeeded(task, 1);

        events.apply(event);
        var first = reload(task);
        events.apply(event);

        var after = reload(task);
        assertThat(after.version()).isEqualTo(first.version());
        assertThat(after.result()).isEqualTo(first.result());
        assertThat(store.contains(event.resultObjectKey())).isTrue();
    }

    @Test
    void ignoresEventsOfAStaleAttemptDeletesItsResultAndStopsItsWorker() {
        var task = saved(aTask().processing().attempt(2));
        var stale = succeeded(task, 1);

        events.apply(started(task, 1));
        events.apply(stale);
        events.apply(aWorkerEvent().forTask(task.id()).failed(FailureKind.FINAL, "old"));

        var after = reload(task);
        assertThat(after.state()).isEqualTo(TaskState.PROCESSING);
        assertThat(after.attempt()).isEqualTo(2);
        assertThat(after.error()).isNull();
        assertThat(store.contains(stale.resultObjectKey())).isFalse();
        assertThat(cancels.published())
                .extracting(CancelTask::taskId, CancelTask::attempt)
                .containsExactly(tuple(task.id(), 1));
    }

    @Test
    void progressOfAStaleAttemptStopsThatAttemptOnly() {
        var task = saved(aTask().processing().attempt(2));

        events.apply(progress(task, 1, 50));
        events.apply(progress(task, 2, 50));

        assertThat(cancels.published())
                .extracting(CancelTask::taskId, CancelTask::attempt)
                .containsExactly(tuple(task.id(), 1));
        assertThat(reload(task).progress()).isEqualTo(50);
    }

    @Test
    void resultOfADeletedTaskIsDeleted() {
        var task = aTask().processing().build();
        var event = succeeded(task, 1);

        events.apply(event);

        assertThat(store.contains(event.resultObjectKey())).isFalse();
    }

    @Test
    void resultOfADeletedTaskIsDeletedOnlyUnderThatTasksPrefix() {
        var task = aTask().processing().build();
        var otherTask = "results/alice/" + aTask().build().id() + "/1.mp4";

        events.apply(succeededAt(task, 1, "originals/alice/v1"));
        events.apply(succeededAt(task, 1, otherTask));

        assertThat(store.contains("originals/alice/v1")).isTrue();
        assertThat(store.contains(otherTask)).isTrue();
    }

    @Test
    void doesNotDeleteObjectsOutsideTheTasksResults() {
        var task = saved(aTask().done());
        store.putBytes(task.result().objectKey(), new byte[] {7}, "video/mp4");
        var foreign = succeededAt(task, 1, "originals/alice/v1");

        events.apply(foreign);

        assertThat(store.contains("originals/alice/v1")).isTrue();
        assertThat(store.contains(task.result().objectKey()))
                .as("the current result stays")
                .isTrue();
        assertThat(reload(task).result()).isEqualTo(task.result());
    }

    @Test
    void eventsForADoneTaskAreIgnored() {
        var task = saved(aTask().processing());
        events.apply(succeeded(task, 1));
        var done = reload(task);

        events.apply(failed(task, FailureKind.FINAL, "late"));
        events.apply(failed(task, FailureKind.TRANSIENT, "late"));
        events.apply(progress(task, 10));

        var after = reload(task);
        assertThat(after.state()).isEqualTo(TaskState.DONE);
        assertThat(after.error()).isNull();
        assertThat(after.version()).isEqualTo(done.version());
    }

    @Test
    void lateSucceededOfACanceledAttemptChangesNothingAndDeletesItsResult() {
        var task = saved(aTask().canceled());
        var late = succeeded(task, 1);

        events.apply(late);

        var after = reload(task);
        assertThat(after).usingRecursiveComparison().isEqualTo(task);
        assertThat(after.result()).isNull();
        assertThat(store.contains(late.resultObjectKey())).isFalse();
    }

    @Test
    void lateFailureOfACanceledAttemptChangesNothing() {
        var task = saved(aTask().canceled());

        events.apply(failed(task, FailureKind.FINAL, "ffmpeg was stopped"));
        events.apply(failed(task, FailureKind.TRANSIENT, "ffmpeg was stopped"));

        assertThat(reload(task)).usingRecursiveComparison().isEqualTo(task);
    }

    @Test
    void startedForACanceledTaskTellsTheWorkerToStopThatAttempt() {
        var task = saved(aTask().canceled().attempt(2));

        events.apply(started(task, 2));

        assertThat(reload(task).state()).isEqualTo(TaskState.CANCELED);
        assertThat(cancels.published()).singleElement().satisfies(cancel -> {
            assertThat(cancel.taskId()).isEqualTo(task.id());
            assertThat(cancel.attempt()).isEqualTo(2);
            assertThat(cancel.reason()).contains("canceled");
        });
    }

    @Test
    void progressForACanceledTaskTellsTheWorkerToStop() {
        var task = saved(aTask().canceled());

        events.apply(progress(task, 70));

        assertThat(reload(task)).usingRecursiveComparison().isEqualTo(task);
        assertThat(cancels.published())
                .extracting(CancelTask::taskId, CancelTask::attempt)
                .containsExactly(tuple(task.id(), 1));
    }

    @Test
    void startedOrProgressForADeletedTaskTellsTheWorkerToStop() {
        var gone = aTask().build();

        events.apply(started(gone, 1));
        events.apply(progress(gone, 20));

        assertThat(tasks.findById(gone.id())).isEmpty();
        assertThat(cancels.published())
                .extracting(CancelTask::taskId, CancelTask::attempt, CancelTask::reason)
                .containsExactly(
                        tuple(gone.id(), 1, "the task was deleted"), tuple(gone.id(), 1, "the task was deleted"));
    }

    @Test
    void finalFailureFailsTheTaskWithItsReason() {
        var task = saved(aTask().processing());

        events.apply(failed(task, FailureKind.FINAL, "the source is not a readable video"));

        var after = reload(task);
        assertThat(after.state()).isEqualTo(TaskState.FAILED);
        assertThat(after.error()).isEqualTo("the source is not a readable video");
        assertThat(after.attempt()).isEqualTo(1);
    }

    @Test
    void transientFailureStartsANewAttemptAfterBackoff() {
        var task = saved(aTask().processing());
        var before = Instant.now();

        events.apply(failed(task, FailureKind.TRANSIENT, "storage unavailable"));

        var after = reload(task);
        assertThat(after.state()).isEqualTo(TaskState.NEW);
        assertThat(after.attempt()).isEqualTo(2);
        assertThat(after.error()).isEqualTo("storage unavailable");
        assertThat(after.progress()).isZero();
        assertThat(after.nextPublishAt())
                .isBetween(before.plusSeconds(5).minusMillis(1), Instant.now().plusSeconds(5));
    }

    @Test
    void backoffDoublesForTheNextAttempt() {
        var task = saved(aTask().processing().attempt(2));
        var before = Instant.now();

        events.apply(failed(task, FailureKind.TRANSIENT, "broker hiccup"));

        var after = reload(task);
        assertThat(after.attempt()).isEqualTo(3);
        assertThat(after.nextPublishAt())
                .isBetween(before.plusSeconds(10).minusMillis(1), Instant.now().plusSeconds(10));
    }

    @Test
    void transientFailureOfTheLastAttemptFailsTheTask() {
        var task = saved(aTask().processing().attempt(3));

        events.apply(failed(task, FailureKind.TRANSIENT, "storage unavailable"));

        var after = reload(task);
        assertThat(after.state()).isEqualTo(TaskState.FAILED);
        assertThat(after.attempt()).isEqualTo(3);
        assertThat(after.error()).isEqualTo("gave up after 3 attempts: storage unavailable");
    }

    @Test
    void attemptsAreCountedFromTheLatestRestart() {
        var task = saved(aTask().processing().attempt(4).runFirstAttempt(4));

        events.apply(failed(task, FailureKind.TRANSIENT, "storage unavailable"));

        assertThat(reload(task).state()).isEqualTo(TaskState.NEW);
        assertThat(reload(task).attempt()).isEqualTo(5);
    }

    @Test
    void transientFailureNeverRevivesAFailedTask() {
        var task = saved(aTask().failed());

        events.apply(failed(task, FailureKind.TRANSIENT, "late duplicate"));

        assertThat(reload(task).state()).isEqualTo(TaskState.FAILED);
        assertThat(reload(task).attempt()).isEqualTo(1);
    }
}
