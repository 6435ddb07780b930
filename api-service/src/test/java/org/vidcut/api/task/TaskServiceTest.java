package org.vidcut.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.data.domain.PageRequest;
import org.vidcut.api.messaging.JobPublisher;
import org.vidcut.api.messaging.PublishOutcome;
import org.vidcut.api.storage.InMemoryObjectStore;
import org.vidcut.api.video.OwnedVideos;
import org.vidcut.api.video.VideoDeleted;
import org.vidcut.api.video.VideoNotFound;
import org.vidcut.contracts.ConversionJob;
import org.vidcut.contracts.OutputFormat;

class TaskServiceTest {

    private static MongoStandIn mongo;
    private TaskRepository tasks;
    private JobPublisher publisher;
    private OwnedVideos videos;
    private InMemoryObjectStore store;
    private TaskService service;

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
        publisher = mock(JobPublisher.class);
        videos = mock(OwnedVideos.class);
        when(videos.findOwned("alice", "v1")).thenReturn(TaskPlannerTest.mp4());
        when(videos.findOwned("mallory", "v1")).thenThrow(new VideoNotFound("v1"));
        store = new InMemoryObjectStore();
        var properties = TaskHousekeepingTest.properties(false);
        service = new TaskService(
                tasks,
                videos,
                new JobDispatcher(publisher, tasks, properties),
                store,
                properties,
                TaskHousekeepingTest.storage());
    }

    static CreateTaskRequest trim(String videoId) {
        return new CreateTaskRequest(videoId, 2, "00:00:10", null, null, null, null);
    }

    private TaskDocument stored(String id) {
        return tasks.findById(id).orElseThrow();
    }

    private TaskDocument saved(TaskState state) {
        return tasks.insert(Tasks.task("alice", state));
    }

    @Test
    void createdTaskIsScheduledOnceTheBrokerConfirms() {
        when(publisher.publish(any(), any())).thenReturn(PublishOutcome.CONFIRMED);

        var view = service.create("alice", trim("v1"));

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
        assertThat(task.getState()).isEqualTo(TaskState.SCHEDULED);
        assertThat(task.getNextPublishAt()).isNull();
        assertThat(task.getOwnerId()).isEqualTo("alice");
        var job = ArgumentCaptor.forClass(ConversionJob.class);
        verify(publisher).publish(job.capture(), any());
        assertThat(job.getValue().taskId()).isEqualTo(view.id());
        assertThat(job.getValue().attempt()).isEqualTo(1);
        assertThat(job.getValue().sourceObjectKey()).isEqualTo("originals/u1/v1");
        assertThat(job.getValue().resultObjectKey()).isEqualTo("results/alice/" + view.id() + "/1.mp4");
        assertThat(job.getValue().sourceDurationSeconds()).isEqualTo(60.0);
    }

    @Test
    void unconfirmedTaskStaysNewAndIsDueForRepublishing() {
        when(publisher.publish(any(), any())).thenReturn(PublishOutcome.BROKER_UNAVAILABLE);
        var before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        var view = service.create("alice", trim("v1"));

        assertThat(view.state()).isEqualTo(TaskState.NEW);
        assertThat(stored(view.id()).getNextPublishAt())
                .isBetween(before.plusSeconds(30), Instant.now().plusSeconds(30));
    }

    @Test
    void rejectsAMissingVideoId() {
        assertThatThrownBy(() -> service.create("alice", trim(null)))
                .isInstanceOf(InvalidTaskRequest.class)
                .hasMessageStartingWith("video_id:");
        assertThatThrownBy(() -> service.create("alice", new CreateTaskRequest(7, 1, null, null, null, null, null)))
                .isInstanceOf(InvalidTaskRequest.class)
                .hasMessageStartingWith("video_id:");
    }

    @Test
    void anotherUsersVideoIsNotFoundAndNothingIsSaved() {
        assertThatThrownBy(() -> service.create("mallory", trim("v1"))).isInstanceOf(VideoNotFound.class);

        assertThat(mongo.template().findAll(TaskDocument.class)).isEmpty();
        verify(publisher, never()).publish(any(), any());
    }

    @Test
    void invalidRequestSavesNothing() {
        assertThatThrownBy(() -> service.create("alice", new CreateTaskRequest("v1", 5, 2, null, null, null, null)))
                .isInstanceOf(InvalidTaskRequest.class);

        assertThat(mongo.template().findAll(TaskDocument.class)).isEmpty();
    }

    @Test
    void aVideoCanHaveManyTasks() {
        when(publisher.publish(any(), any())).thenReturn(PublishOutcome.CONFIRMED);

        var first = service.create("alice", trim("v1"));
        var second = service.create("alice", trim("v1"));

        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(service.list("alice", null, "v1", PageRequest.of(0, 10)).getTotalElements())
                .isEqualTo(2);
    }

    @Test
    void anotherUsersTaskIsNotFoundEverywhere() {
        var task = saved(TaskState.DONE);

        assertThatThrownBy(() -> service.get("mallory", task.getId())).isInstanceOf(TaskNotFound.class);
        assertThatThrownBy(() -> service.restart("mallory", task.getId())).isInstanceOf(TaskNotFound.class);
        assertThatThrownBy(() -> service.delete("mallory", task.getId())).isInstanceOf(TaskNotFound.class);
        assertThatThrownBy(() -> service.download("mallory", task.getId())).isInstanceOf(TaskNotFound.class);
        assertThat(service.list("mallory", null, null, PageRequest.of(0, 10))).isEmpty();
    }

    @Test
    void listRejectsAnUnknownState() {
        assertThatThrownBy(() -> service.list("alice", "finished", null, PageRequest.of(0, 10)))
                .isInstanceOf(InvalidTaskRequest.class)
                .hasMessageStartingWith("state:");
    }

    @Test
    void listFiltersByState() {
        saved(TaskState.DONE);
        var failed = saved(TaskState.FAILED);

        var page = service.list("alice", "FAILED", null, PageRequest.of(0, 10));

        assertThat(page.getContent()).extracting(TaskView::id).containsExactly(failed.getId());
    }

    @Test
    void restartGivesAFailedTaskANewAttemptAndPublishesIt() {
        when(publisher.publish(any(), any())).thenReturn(PublishOutcome.CONFIRMED);
        var task = Tasks.task("alice", TaskState.FAILED);
        task.setAttempt(3);
        task.setError("gave up after 3 attempts: storage unavailable");
        tasks.insert(task);

        var view = service.restart("alice", task.getId());

        assertThat(view.state()).isEqualTo(TaskState.SCHEDULED);
        assertThat(view.attempts()).isEqualTo(4);
        assertThat(view.error()).isNull();
        assertThat(stored(task.getId()).attemptsInRun()).isEqualTo(1);
        var job = ArgumentCaptor.forClass(ConversionJob.class);
        verify(publisher).publish(job.capture(), any());
        assertThat(job.getValue().attempt()).isEqualTo(4);
    }

    @Test
    void onlyAFailedTaskCanBeRestarted() {
        for (var state : new TaskState[] {TaskState.NEW, TaskState.SCHEDULED, TaskState.PROCESSING, TaskState.DONE}) {
            var task = saved(state);
            assertThatThrownBy(() -> service.restart("alice", task.getId()))
                    .as(state.id())
                    .isInstanceOf(TaskNotRestartable.class)
                    .hasMessageContaining(state.id());
            assertThat(stored(task.getId()).getAttempt()).isEqualTo(1);
        }
        verify(publisher, never()).publish(any(), any());
    }

    @Test
    void deleteRemovesTheTaskAndEveryResultObject() {
        var task = Tasks.task("alice", TaskState.DONE);
        task.setAttempt(2);
        tasks.insert(task);
        store.putBytes(task.resultObjectKeyFor(1), new byte[] {1}, "video/mp4");
        store.putBytes(task.resultObjectKeyFor(2), new byte[] {2}, "video/mp4");

        service.delete("alice", task.getId());

        assertThat(tasks.findById(task.getId())).isEmpty();
        assertThat(store.contains(task.resultObjectKeyFor(1))).isFalse();
        assertThat(store.contains(task.resultObjectKeyFor(2))).isFalse();
        assertThatThrownBy(() -> service.delete("alice", task.getId())).isInstanceOf(TaskNotFound.class);
    }

    @Test
    void downloadIsRefusedUntilTheTaskIsDone() {
        var task = saved(TaskState.PROCESSING);

        assertThatThrownBy(() -> service.download("alice", task.getId()))
                .isInstanceOf(TaskNotDone.class)
                .hasMessageContaining("processing");
    }

    @Test
    void doneTaskOffersItsResultNamedAfterTheVideo() {
        var task = Tasks.task("alice", TaskState.DONE);
        var key = task.resultObjectKeyFor(1);
        task.setResult(new TaskResult(key, 3, 8.0, 1280, 720, "h264", "aac"));
        tasks.insert(task);

        var download = service.download("alice", task.getId());
        var view = service.get("alice", task.getId());

        assertThat(download).isEqualTo(new ResultDownload(key, "video/mp4", "holiday-" + task.getId() + ".mp4"));
        assertThat(view.url()).isNotNull();
        assertThat(view.url().toString()).contains(key);
        assertThat(view.width()).isEqualTo(1280);
        assertThat(view.height()).isEqualTo(720);
        assertThat(view.duration()).isEqualTo(8.0);
    }

    @Test
    void deletingAVideoDeletesItsTasksAndResults() {
        var doomed = saved(TaskState.DONE);
        store.putBytes(doomed.resultObjectKeyFor(1), new byte[] {1}, "video/mp4");
        var otherVideo = Tasks.task("alice", TaskState.DONE);
        otherVideo.setVideoId("v2");
        tasks.insert(otherVideo);
        store.putBytes(otherVideo.resultObjectKeyFor(1), new byte[] {1}, "video/mp4");

        service.onVideoDeleted(new VideoDeleted("alice", "v1"));

        assertThat(tasks.findById(doomed.getId())).isEmpty();
        assertThat(store.contains(doomed.resultObjectKeyFor(1))).isFalse();
        assertThat(tasks.findById(otherVideo.getId())).isPresent();
        assertThat(store.contains(otherVideo.resultObjectKeyFor(1))).isTrue();
    }
}
