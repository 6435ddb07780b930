package org.vidcut.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.vidcut.api.task.TaskBuilder.aTask;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.vidcut.api.messaging.JobPublisher;
import org.vidcut.api.messaging.PublishOutcome;
import org.vidcut.api.messaging.RecordingCancelPublisher;
import org.vidcut.api.storage.InMemoryObjectStore;
import org.vidcut.api.testing.InMemoryMongo;
import org.vidcut.api.video.OwnedVideos;
import org.vidcut.api.video.VideoDeleted;
import org.vidcut.api.video.VideoNotFound;
import org.vidcut.contracts.CancelTask;
import org.vidcut.contracts.ConversionJob;
import org.vidcut.contracts.OutputFormat;
import org.vidcut.contracts.TrimMethod;

class TaskServiceTest {

    private static MongoTemplate mongo;
    private TaskRepository tasks;
    private JobPublisher publisher;
    private OwnedVideos videos;
    private InMemoryObjectStore store;
    private RecordingCancelPublisher cancels;
    private TaskService service;

    @BeforeAll
    static void database() {
        mongo = InMemoryMongo.template(TaskServiceTest.class);
    }

    @BeforeEach
    void setUp() {
        mongo.dropCollection(TaskDocument.class);
        tasks = new TaskRepository(mongo, event -> {});
        publisher = mock(JobPublisher.class);
        videos = mock(OwnedVideos.class);
        when(videos.findOwned("alice", "v1")).thenReturn(TaskPlannerTest.mp4());
        when(videos.findOwned("mallory", "v1")).thenThrow(new VideoNotFound("v1"));
        store = new InMemoryObjectStore();
        cancels = new RecordingCancelPublisher();
        var properties = TaskWiring.properties(false);
        service = new TaskService(
                tasks,
                videos,
                TaskWiring.dispatcher(mongo, tasks, new JobDispatcher(publisher, tasks, properties), properties),
                store,
                properties,
                TaskMetrics.unregistered(),
                TaskWiring.views(mongo, store),
                cancels);
    }

    private TaskDocument stored(String id) {
        return tasks.findById(id).orElseThrow();
    }

    private TaskDocument saved(TaskState state) {
        return saved(aTask().in(state));
    }

    private TaskDocument saved(TaskBuilder task) {
        return tasks.insert(task.build());
    }

    @Test
    void createdTaskIsScheduledOnceTheBrokerConfirms() {
        when(publisher.publish(any(), any())).thenReturn(PublishOutcome.CONFIRMED);

        var view = service.create("alice", TaskWiring.trim("v1"));

        assertThat(view.state()).isEqualTo(TaskState.SCHEDULED);
        assertThat(view.attempts()).isEqualTo(1);
        assertThat(view.startTime()).isEqualTo(2.0);
        assertThat(view.endTime()).isEqualTo(10.0);
        assertThat(view.duration()).isEqualTo(8.0);
        assertThat(view.format()).isEqualTo(OutputFormat.MP4);
        assertThat(view.width()).isEqualTo(1920);
        assertThat(view.url()).isNull();
        assertThat(view.history()).extracting(StateChange::state).containsExactly(TaskState.NEW, TaskState.SCHEDULED);
        var task = stored(view.id());
        assertThat(task.state()).isEqualTo(TaskState.SCHEDULED);
        assertThat(task.nextPublishAt()).isNull();
        assertThat(task.ownerId()).isEqualTo("alice");
        var job = ArgumentCaptor.forClass(ConversionJob.class);
        verify(publisher).publish(job.capture(), any());
        assertThat(job.getValue().taskId()).isEqualTo(view.id());
        assertThat(job.getValue().attempt()).isEqualTo(1);
        assertThat(job.getValue().sourceObjectKey()).isEqualTo("originals/u1/v1");
        assertThat(job.getValue().resultObjectKey()).isEqualTo("results/alice/" + view.id() + "/1.mp4");
        assertThat(job.getValue().sourceDurationSeconds()).isEqualTo(60.0);
    }

    @Test
    void unconfirmedJobLeavesTheTaskScheduledAndDueForRepublishing() {
        when(publisher.publish(any(), any())).thenReturn(PublishOutcome.BROKER_UNAVAILABLE);
        var before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        var view = service.create("alice", TaskWiring.trim("v1"));

        assertThat(view.state()).isEqualTo(TaskState.SCHEDULED);
        assertThat(stored(view.id()).handedOutAt()).isNotNull();
        assertThat(stored(view.id()).nextPublishAt())
                .isBetween(before.plusSeconds(30), Instant.now().plusSeconds(30));
    }

    @Test
    void rejectsAMissingVideoId() {
        assertThatThrownBy(() -> service.create("alice", TaskWiring.trim(null)))
                .isInstanceOf(InvalidTaskRequest.class)
                .hasMessageStartingWith("video_id:");
        assertThatThrownBy(() -> service.create("alice", new CreateTaskRequest(7, 1, null, null, null, null, null)))
                .isInstanceOf(InvalidTaskRequest.class)
                .hasMessageStartingWith("video_id:");
    }

    @Test
    void anotherUsersVideoIsNotFoundAndNothingIsSaved() {
        assertThatThrownBy(() -> service.create("mallory", TaskWiring.trim("v1")))
                .isInstanceOf(VideoNotFound.class);

        assertThat(mongo.findAll(TaskDocument.class)).isEmpty();
        verify(publisher, never()).publish(any(), any());
    }

    @Test
    void invalidRequestSavesNothing() {
        assertThatThrownBy(() -> service.create("alice", new CreateTaskRequest("v1", 5, 2, null, null, null, null)))
                .isInstanceOf(InvalidTaskRequest.class);

        assertThat(mongo.findAll(TaskDocument.class)).isEmpty();
    }

    @Test
    void aVideoCanHaveManyTasks() {
        when(publisher.publish(any(), any())).thenReturn(PublishOutcome.CONFIRMED);

        var first = service.create("alice", TaskWiring.trim("v1"));
        var second = service.create("alice", TaskWiring.trim("v1"));

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(service.list("alice", null, "v1", PageRequest.of(0, 10)).getTotalElements())
                .isEqualTo(2);
    }

    @Test
    void anotherUsersTaskIsNotFoundEverywhere() {
        var task = saved(TaskState.DONE);

        assertThatThrownBy(() -> service.get("mallory", task.id())).isInstanceOf(TaskNotFound.class);
        assertThatThrownBy(() -> service.restart("mallory", task.id())).isInstanceOf(TaskNotFound.class);
        assertThatThrownBy(() -> service.cancel("mallory", task.id())).isInstanceOf(TaskNotFound.class);
        assertThatThrownBy(() -> service.delete("mallory", task.id())).isInstanceOf(TaskNotFound.class);
        assertThatThrownBy(() -> service.download("mallory", task.id())).isInstanceOf(TaskNotFound.class);
        assertThat(service.list("mallory", null, null, PageRequest.of(0, 10))).isEmpty();
    }

    @Test
    void listRejectsAnUnknownState() {
        assertThatThrownBy(() -> service.list("alice", "finished", null, PageRequest.of(0, 10)))
                .isInstanceOf(InvalidTaskRequest.class)
                .hasMessageStartingWith("state:");
    }

    @Test
    void listFiltersCanceledTasks() {
        saved(TaskState.DONE);
        saved(TaskState.PROCESSING);
        var canceled = saved(TaskState.CANCELED);

        var page = service.list("alice", "canceled", null, PageRequest.of(0, 10));

        assertThat(page.getContent()).extracting(TaskView::id).containsExactly(canceled.id());
    }

    @Test
    void cancelStopsAnActiveTaskAndTellsItsWorker() {
        for (var state : TaskState.ACTIVE) {
            var task = saved(aTask().in(state).attempt(2));

            var view = service.cancel("alice", task.id());

            assertThat(view.state()).as(state.id()).isEqualTo(TaskState.CANCELED);
            var stored = stored(task.id());
            assertThat(stored.state()).isEqualTo(TaskState.CANCELED);
            assertThat(stored.attempt()).isEqualTo(2);
            assertThat(stored.nextPublishAt())
                    .as("the sweeper must not publish it")
                    .isNull();
            assertThat(stored.lastHeartbeatAt())
                    .as("the reaper must not retry it")
                    .isNull();
            assertThat(stored.history()).last().satisfies(change -> {
                assertThat(change.state()).isEqualTo(TaskState.CANCELED);
                assertThat(change.attempt()).isEqualTo(2);
            });
        }
        assertThat(cancels.published()).extracting(CancelTask::attempt).containsExactly(2, 2, 2);
        assertThat(cancels.published())
                .allSatisfy(cancel -> assertThat(cancel.reason()).isEqualTo("canceled by its owner"));
    }

    @Test
    void cancelDeletesWhateverTheRunAlreadyStored() {
        var task = saved(aTask().processing().attempt(2));
        store.putBytes(task.resultObjectKeyFor(1), new byte[] {1}, "video/mp4");
        store.putBytes(task.resultObjectKeyFor(2), new byte[] {2}, "video/mp4");

        service.cancel("alice", task.id());

        assertThat(store.contains(task.resultObjectKeyFor(1))).isFalse();
        assertThat(store.contains(task.resultObjectKeyFor(2))).isFalse();
    }

    @Test
    void cancelOfAnEndedTaskIsRefusedAndChangesNothing() {
        for (var state : new TaskState[] {TaskState.DONE, TaskState.FAILED, TaskState.CANCELED}) {
            var task = saved(state);
            assertThatThrownBy(() -> service.cancel("alice", task.id()))
                    .as(state.id())
                    .isInstanceOf(TaskNotCancelable.class)
                    .hasMessageContaining(state.id());
            assertThat(stored(task.id())).usingRecursiveComparison().isEqualTo(task);
        }
        assertThat(cancels.published()).isEmpty();
    }

    @Test
    void canceledTaskKeepsNoResultAndCannotBeDownloaded() {
        var task = saved(TaskState.PROCESSING);
        service.cancel("alice", task.id());

        assertThatThrownBy(() -> service.download("alice", task.id()))
                .isInstanceOf(TaskNotDone.class)
                .hasMessageContaining("canceled");
        assertThat(service.get("alice", task.id()).url()).isNull();
        assertThat(service.get("alice", task.id()).result()).isNull();
    }

    @Test
    void deleteOfARunningTaskTellsItsWorkerToStop() {
        var task = saved(aTask().processing().attempt(3));

        service.delete("alice", task.id());

        assertThat(tasks.findById(task.id())).isEmpty();
        assertThat(cancels.published()).singleElement().satisfies(cancel -> {
            assertThat(cancel.taskId()).isEqualTo(task.id());
            assertThat(cancel.attempt()).isEqualTo(3);
        });
    }

    @Test
    void deleteOfAnEndedTaskTellsNoWorker() {
        var done = saved(TaskState.DONE);
        var canceled = saved(TaskState.CANCELED);

        service.delete("alice", done.id());
        service.delete("alice", canceled.id());

        assertThat(cancels.published()).isEmpty();
    }

    @Test
    void listFiltersByState() {
        saved(TaskState.DONE);
        var failed = saved(TaskState.FAILED);

        var page = service.list("alice", "FAILED", null, PageRequest.of(0, 10));

        assertThat(page.getContent()).extracting(TaskView::id).containsExactly(failed.id());
    }

    @Test
    void restartGivesAFailedTaskANewAttemptAndPublishesIt() {
        when(publisher.publish(any(), any())).thenReturn(PublishOutcome.CONFIRMED);
        var task = saved(aTask().failed().attempt(3).error("gave up after 3 attempts: storage unavailable"));

        var view = service.restart("alice", task.id());

        assertThat(view.state()).isEqualTo(TaskState.SCHEDULED);
        assertThat(view.attempts()).isEqualTo(4);
        assertThat(view.error()).isNull();
        assertThat(stored(task.id()).attemptsInRun()).isEqualTo(1);
        var job = ArgumentCaptor.forClass(ConversionJob.class);
        verify(publisher).publish(job.capture(), any());
        assertThat(job.getValue().attempt()).isEqualTo(4);
    }

    @Test
    void restartGivesACanceledTaskANewAttemptAndPublishesIt() {
        when(publisher.publish(any(), any())).thenReturn(PublishOutcome.CONFIRMED);
        var task = saved(aTask().canceled().attempt(2).runFirstAttempt(1));

        var view = service.restart("alice", task.id());

        assertThat(view.state()).isEqualTo(TaskState.SCHEDULED);
        assertThat(view.attempts()).isEqualTo(3);
        var stored = stored(task.id());
        assertThat(stored.runFirstAttempt()).isEqualTo(3);
        assertThat(stored.history())
                .extracting(StateChange::state, StateChange::attempt)
                .endsWith(tuple(TaskState.CANCELED, 2), tuple(TaskState.NEW, 3), tuple(TaskState.SCHEDULED, 3));
        var job = ArgumentCaptor.forClass(ConversionJob.class);
        verify(publisher).publish(job.capture(), any());
        assertThat(job.getValue().attempt()).isEqualTo(3);
        assertThat(job.getValue().resultObjectKey()).isEqualTo(task.resultObjectKeyFor(3));
    }

    @Test
    void onlyAFailedOrCanceledTaskCanBeRestarted() {
        for (var state : new TaskState[] {TaskState.NEW, TaskState.SCHEDULED, TaskState.PROCESSING, TaskState.DONE}) {
            var task = saved(state);
            assertThatThrownBy(() -> service.restart("alice", task.id()))
                    .as(state.id())
                    .isInstanceOf(TaskNotRestartable.class)
                    .hasMessageContaining(state.id());
            assertThat(stored(task.id()).attempt()).isEqualTo(1);
        }
        verify(publisher, never()).publish(any(), any());
    }

    @Test
    void deleteRemovesTheTaskAndEveryResultObject() {
        var task = saved(aTask().done().attempt(2));
        store.putBytes(task.resultObjectKeyFor(1), new byte[] {1}, "video/mp4");
        store.putBytes(task.resultObjectKeyFor(2), new byte[] {2}, "video/mp4");

        service.delete("alice", task.id());

        assertThat(tasks.findById(task.id())).isEmpty();
        assertThat(store.contains(task.resultObjectKeyFor(1))).isFalse();
        assertThat(store.contains(task.resultObjectKeyFor(2))).isFalse();
        assertThatThrownBy(() -> service.delete("alice", task.id())).isInstanceOf(TaskNotFound.class);
    }

    @Test
    void downloadIsRefusedUntilTheTaskIsDone() {
        var task = saved(TaskState.PROCESSING);

        assertThatThrownBy(() -> service.download("alice", task.id()))
                .isInstanceOf(TaskNotDone.class)
                .hasMessageContaining("processing");
    }

    @Test
    void doneTaskOffersItsResultNamedAfterTheVideo() {
        var key = "results/alice/t1/1.mp4";
        var task = saved(aTask().id("t1")
                .done()
                .result(new TaskResult(
                        key, 3, 8.0, 1280, 720, "h264", "aac", 2.0, 10.0, null, null, TrimMethod.REENCODE)));

        var download = service.download("alice", task.id());
        var view = service.get("alice", task.id());

        assertThat(download).isEqualTo(new ResultDownload(key, "video/mp4", "holiday-" + task.id() + ".mp4"));
        assertThat(view.url()).isNotNull();
        assertThat(view.url().toString()).contains(key);
        assertThat(view.width()).isEqualTo(1280);
        assertThat(view.height()).isEqualTo(720);
        assertThat(view.duration()).isEqualTo(8.0);
        assertThat(view.result())
                .isEqualTo(new TaskView.Result(
                        3, 8.0, 1280, 720, "h264", "aac", 2.0, 10.0, null, null, TrimMethod.REENCODE));
    }

    @Test
    void deletingAVideoDeletesItsTasksAndResults() {
        var doomed = saved(TaskState.DONE);
        store.putBytes(doomed.resultObjectKeyFor(1), new byte[] {1}, "video/mp4");
        var otherVideo = saved(aTask().done().video("v2"));
        store.putBytes(otherVideo.resultObjectKeyFor(1), new byte[] {1}, "video/mp4");

        service.onVideoDeleted(new VideoDeleted("alice", "v1"));

        assertThat(tasks.findById(doomed.id())).isEmpty();
        assertThat(store.contains(doomed.resultObjectKeyFor(1))).isFalse();
        assertThat(tasks.findById(otherVideo.id())).isPresent();
        assertThat(store.contains(otherVideo.resultObjectKeyFor(1))).isTrue();
        assertThat(cancels.published()).isEmpty();
    }

    @Test
    void deletingAVideoStopsTheWorkersOfItsRunningTasks() {
        var running = saved(aTask().processing().attempt(2));
        var waiting = saved(TaskState.SCHEDULED);
        saved(TaskState.DONE);
        var otherVideo = saved(aTask().processing().video("v2"));

        service.onVideoDeleted(new VideoDeleted("alice", "v1"));

        assertThat(cancels.published())
                .extracting(CancelTask::taskId, CancelTask::attempt)
                .containsExactlyInAnyOrder(tuple(running.id(), 2), tuple(waiting.id(), 1));
        assertThat(tasks.findById(otherVideo.id())).isPresent();
    }

    @Test
    void etagStaysWhileTheTaskIsUnchangedAndChangesWithIt() {
        var task = saved(TaskState.SCHEDULED);

        var first = service.get("alice", task.id(), null);
        var again = service.get("alice", task.id(), first.etag());
        tasks.transition(task.id(), 1, TaskTransitions.Trigger.STARTED, current -> new Update());
        var changed = service.get("alice", task.id(), first.etag());

        assertThat(first.view()).isNotNull();
        assertThat(again.etag()).isEqualTo(first.etag());
        assertThat(again.view()).isNull();
        assertThat(changed.etag()).isNotEqualTo(first.etag());
        assertThat(changed.view()).isNotNull();
        assertThat(changed.view().state()).isEqualTo(TaskState.PROCESSING);
    }

    @Test
    void notModifiedAnswerSignsNoLink() {
        var task = saved(TaskState.DONE);
        var etag = service.get("alice", task.id(), null).etag();
        // any presigning would now fail
        store.goDown();

        var tagged = service.get("alice", task.id(), etag);

        assertThat(tagged.view()).isNull();
        assertThat(tagged.etag()).isEqualTo(etag);
    }

    @Test
    void etagOfAnotherUsersTaskIsA404() {
        var task = saved(TaskState.SCHEDULED);

        assertThatThrownBy(() -> service.get("mallory", task.id(), "*")).isInstanceOf(TaskNotFound.class);
    }
}
