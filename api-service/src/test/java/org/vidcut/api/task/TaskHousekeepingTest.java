package org.vidcut.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.vidcut.api.task.TaskBuilder.aTask;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.vidcut.api.messaging.JobPublisher;
import org.vidcut.api.messaging.PublishOutcome;
import org.vidcut.api.messaging.RecordingCancelPublisher;
import org.vidcut.api.storage.InMemoryObjectStore;
import org.vidcut.api.testing.InMemoryMongo;
import org.vidcut.contracts.ConversionJob;

class TaskHousekeepingTest {

    private static MongoTemplate mongo;
    private TaskRepository tasks;
    private JobPublisher publisher;

    @BeforeAll
    static void database() {
        mongo = InMemoryMongo.template(TaskWiring.class);
    }

    @BeforeEach
    void setUp() {
        mongo.dropCollection(TaskDocument.class);
        tasks = new TaskRepository(mongo, event -> {});
        publisher = mock(JobPublisher.class);
    }

    private TaskHousekeeping housekeeping(boolean requeueScheduledOnStartup) {
        var properties = TaskWiring.properties(requeueScheduledOnStartup);
        var retryPolicy = new RetryPolicy(properties);
        var events = new TaskEvents(
                tasks,
                retryPolicy,
                new InMemoryObjectStore(),
                TaskMetrics.unregistered(),
                new RecordingCancelPublisher(),
                () -> {});
        var jobs = new JobDispatcher(publisher, tasks, properties);
        return new TaskHousekeeping(
                tasks, jobs, TaskWiring.dispatcher(mongo, tasks, jobs, properties), events, properties);
    }

    private TaskDocument saved(TaskState state, Instant nextPublishAt, Instant lastHeartbeatAt) {
        return tasks.insert(aTask().in(state)
                .nextPublishAt(nextPublishAt)
                .lastHeartbeatAt(lastHeartbeatAt)
                .build());
    }

    private TaskDocument reload(TaskDocument task) {
        return tasks.findById(task.id()).orElseThrow();
    }

    @Test
    void sweeperPublishesDueTasksAndRecordsTheConfirm() {
        when(publisher.publish(any(), any())).thenReturn(PublishOutcome.CONFIRMED);
        var due = saved(TaskState.NEW, Instant.now().minusSeconds(1), null);
        var notDue = saved(TaskState.NEW, Instant.now().plusSeconds(60), null);

        assertThat(housekeeping(false).sweepOutbox()).isEqualTo(1);

        assertThat(reload(due).state()).isEqualTo(TaskState.SCHEDULED);
        assertThat(reload(due).nextPublishAt()).isNull();
        assertThat(reload(notDue).state()).isEqualTo(TaskState.NEW);
        verify(publisher, times(1)).publish(any(ConversionJob.class), any());
    }

    @Test
    void sweeperLeavesUnconfirmedJobsForLaterAndStopsTheBatch() {
        when(publisher.publish(any(), any())).thenReturn(PublishOutcome.TIMED_OUT);
        var first = tasks.insert(
                aTask().scheduled().nextPublishAt(Instant.now().minusSeconds(2)).build());
        var second = tasks.insert(
                aTask().scheduled().nextPublishAt(Instant.now().minusSeconds(1)).build());
        var before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        assertThat(housekeeping(false).sweepOutbox()).isZero();

        assertThat(reload(first).state()).isEqualTo(TaskState.SCHEDULED);
        assertThat(reload(first).nextPublishAt()).isAfterOrEqualTo(before.plusSeconds(30));
        assertThat(reload(second).nextPublishAt()).isBefore(before);
        verify(publisher, times(1)).publish(any(), any());
    }

    @Test
    void sweeperQueuesDueNewTasksAndLeavesAnUnconfirmedJobDue() {
        when(publisher.publish(any(), any())).thenReturn(PublishOutcome.TIMED_OUT);
        var first = saved(TaskState.NEW, Instant.now().minusSeconds(2), null);
        var second = saved(TaskState.NEW, Instant.now().minusSeconds(1), null);
        var before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        assertThat(housekeeping(false).sweepOutbox()).isZero();

        assertThat(reload(first).state()).isEqualTo(TaskState.SCHEDULED);
        assertThat(reload(first).handedOutAt()).isNotNull();
        assertThat(reload(first).nextPublishAt()).isAfterOrEqualTo(before.plusSeconds(30));
        assertThat(reload(second).waiting()).isTrue();
        assertThat(reload(second).nextPublishAt()).isNull();
        verify(publisher, times(1)).publish(any(), any());
    }

    @Test
    void sweeperPublishesTheCurrentAttempt() {
        when(publisher.publish(any(), any())).thenReturn(PublishOutcome.CONFIRMED);
        var task = tasks.insert(
                aTask().attempt(2).nextPublishAt(Instant.now().minusSeconds(1)).build());
        var captor = ArgumentCaptor.forClass(ConversionJob.class);

        housekeeping(false).sweepOutbox();

        verify(publisher).publish(captor.capture(), any());
        assertThat(captor.getValue().attempt()).isEqualTo(2);
        assertThat(captor.getValue().resultObjectKey()).isEqualTo("results/alice/" + task.id() + "/2.mp4");
        assertThat(captor.getValue().sourceObjectKey()).isEqualTo("originals/alice/v1");
        assertThat(captor.getValue().operations()).isEqualTo(task.operations());
    }

    @Test
    void reaperGivesSilentTasksANewAttempt() {
        var silent = saved(TaskState.PROCESSING, null, Instant.now().minusSeconds(600));
        var alive = saved(TaskState.PROCESSING, null, Instant.now().minusSeconds(10));

        assertThat(housekeeping(false).reapSilentTasks()).isEqualTo(1);

        var reaped = reload(silent);
        assertThat(reaped.state()).isEqualTo(TaskState.NEW);
        assertThat(reaped.attempt()).isEqualTo(2);
        assertThat(reaped.error()).isEqualTo("worker stopped sending heartbeats");
        assertThat(reaped.nextPublishAt()).isAfter(Instant.now());
        assertThat(reload(alive).state()).isEqualTo(TaskState.PROCESSING);
    }

    @Test
    void reaperFailsASilentTaskThatUsedUpItsAttempts() {
        var task = tasks.insert(aTask().processing()
                .attempt(3)
                .lastHeartbeatAt(Instant.now().minusSeconds(600))
                .build());

        housekeeping(false).reapSilentTasks();

        assertThat(reload(task).state()).isEqualTo(TaskState.FAILED);
        assertThat(reload(task).error()).isEqualTo("gave up after 3 attempts: worker stopped sending heartbeats");
    }

    @Test
    void heartbeatArrivingBeforeTheReaperActsSavesTheAttempt() {
        var task = saved(TaskState.PROCESSING, null, Instant.now());
        var events = new TaskEvents(
                tasks,
                new RetryPolicy(TaskWiring.properties(false)),
                new InMemoryObjectStore(),
                TaskMetrics.unregistered(),
                new RecordingCancelPublisher(),
                () -> {});
        var cutoff = Instant.now().minusSeconds(120);

        var reaped = events.retryOrFail(
                task.id(),
                1,
                "worker stopped sending heartbeats",
                where("lastHeartbeatAt").lt(cutoff));

        assertThat(reaped).isEmpty();
        assertThat(reload(task).state()).isEqualTo(TaskState.PROCESSING);
        assertThat(reload(task).attempt()).isEqualTo(1);
    }

    @Test
    void reaperLeavesLongScheduledTasksAlone() {
        var waiting = tasks.insert(aTask().scheduled()
                .updatedAt(Instant.now().minus(Duration.ofDays(1)))
                .build());

        assertThat(housekeeping(false).reapSilentTasks()).isZero();

        assertThat(reload(waiting).state()).isEqualTo(TaskState.SCHEDULED);
    }

    @Test
    void requeuesScheduledTasksAtStartupWhenAsked() {
        when(publisher.publish(any(), any())).thenReturn(PublishOutcome.CONFIRMED);
        var scheduled = saved(TaskState.SCHEDULED, null, null);

        var housekeeping = housekeeping(true);
        housekeeping.requeueScheduledOnStartup();
        assertThat(reload(scheduled).state()).isEqualTo(TaskState.NEW);
        housekeeping.sweepOutbox();

        assertThat(reload(scheduled).state()).isEqualTo(TaskState.SCHEDULED);
        verify(publisher, times(1)).publish(any(), any());
    }

    @Test
    void requeueAtStartupKeepsTheAttemptAndLeavesOtherStatesAlone() {
        var scheduled = saved(TaskState.SCHEDULED, null, null);
        var processing = saved(TaskState.PROCESSING, null, Instant.now());
        var canceled = saved(TaskState.CANCELED, null, null);

        housekeeping(true).requeueScheduledOnStartup();

        var requeued = reload(scheduled);
        assertThat(requeued.state()).isEqualTo(TaskState.NEW);
        assertThat(requeued.attempt()).isEqualTo(1);
        assertThat(requeued.nextPublishAt()).isBeforeOrEqualTo(Instant.now());
        assertThat(requeued.history())
                .extracting(StateChange::state)
                .containsExactly(TaskState.NEW, TaskState.SCHEDULED, TaskState.NEW);
        assertThat(reload(processing)).usingRecursiveComparison().isEqualTo(processing);
        assertThat(reload(canceled)).usingRecursiveComparison().isEqualTo(canceled);
    }

    @Test
    void sweeperNeverPublishesACanceledTask() {
        saved(TaskState.CANCELED, Instant.now().minusSeconds(1), null);

        assertThat(housekeeping(false).sweepOutbox()).isZero();

        verify(publisher, never()).publish(any(), any());
    }

    @Test
    void leavesScheduledTasksAloneAtStartupByDefault() {
        var scheduled = saved(TaskState.SCHEDULED, null, null);

        housekeeping(false).requeueScheduledOnStartup();

        assertThat(reload(scheduled).state()).isEqualTo(TaskState.SCHEDULED);
        assertThat(reload(scheduled).version()).isEqualTo(scheduled.version());
    }
}
