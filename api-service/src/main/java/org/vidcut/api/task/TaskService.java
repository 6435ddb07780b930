package org.vidcut.api.task;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.bson.types.ObjectId;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.vidcut.api.messaging.CancelPublisher;
import org.vidcut.api.storage.ObjectStore;
import org.vidcut.api.task.TaskTransitions.Trigger;
import org.vidcut.api.video.OwnedVideos;
import org.vidcut.api.video.VideoDeleted;
import org.vidcut.contracts.CancelTask;

/** The task use cases, always scoped to the calling user. */
@Service
class TaskService {

    private static final Logger log = LoggerFactory.getLogger(TaskService.class);

    private final TaskRepository tasks;
    private final OwnedVideos videos;
    private final FairDispatcher dispatcher;
    private final ObjectStore objectStore;
    private final TaskProperties properties;
    private final TaskMetrics metrics;
    private final TaskViews views;
    private final CancelPublisher cancels;

    TaskService(
            TaskRepository tasks,
            OwnedVideos videos,
            FairDispatcher dispatcher,
            ObjectStore objectStore,
            TaskProperties properties,
            TaskMetrics metrics,
            TaskViews views,
            CancelPublisher cancels) {
        this.tasks = tasks;
        this.videos = videos;
        this.dispatcher = dispatcher;
        this.objectStore = objectStore;
        this.properties = properties;
        this.metrics = metrics;
        this.views = views;
        this.cancels = cancels;
    }

    TaskView create(String ownerId, CreateTaskRequest request) {
        if (!(request.videoId() instanceof String videoId) || videoId.isBlank()) {
            throw new InvalidTaskRequest("video_id", "is required (the id of one of your videos)");
        }
        var video = videos.findOwned(ownerId, videoId);
        var plan = TaskPlanner.plan(request, video);
        var now = Instant.now();
        var task = new TaskDocument(
                new ObjectId().toHexString(),
                ownerId,
                video.id(),
                video.filename(),
                video.objectKey(),
                video.durationSeconds(),
                video.width(),
                video.height(),
                TaskState.NEW,
                1,
                1,
                0,
                plan.requested(),
                plan.operations(),
                null,
                null,
                now,
                now,
                // due later, not now: it joins the fair queue below, the sweeper queues it only if that did not happen
                now.plus(properties.republishAfter()),
                null,
                null,
                null,
                List.of(new StateChange(TaskState.NEW, 1, now)),
                0L);
        var saved = tasks.insert(task);
        metrics.created(saved);
        return queued(saved);
    }

    TaskView get(String ownerId, String taskId) {
        return views.view(owned(ownerId, taskId));
    }

    /** The task's ETag, and its view unless {@code ifNoneMatch} names that ETag: then nothing is built or signed. */
    TaggedView get(String ownerId, String taskId, @Nullable String ifNoneMatch) {
        var task = owned(ownerId, taskId);
        var etag = views.etag(task, Instant.now());
        return new TaggedView(etag, TaskViews.matches(ifNoneMatch, etag) ? null : views.view(task));
    }

    Page<TaskView> list(String ownerId, String state, String videoId, Pageable pageable) {
        TaskState wanted = null;
        if (state != null && !state.isBlank()) {
            wanted = TaskState.find(state)
                    .orElseThrow(() -> new InvalidTaskRequest(
                            "state", "must be one of new, scheduled, processing, done, failed, canceled"));
        }
        var filterVideo = videoId == null || videoId.isBlank() ? null : videoId;
        return tasks.findOwned(ownerId, wanted, filterVideo, pageable).map(views::view);
    }

    /** Starts a new run of a failed or canceled task: a fresh attempt and retry budget, published like a create. */
    TaskView restart(String ownerId, String taskId) {
        var restarted = change(
                ownerId,
                taskId,
                Trigger.RESTARTED,
                current -> new Update()
                        .set("runFirstAttempt", current.attempt() + 1)
                        .set("progress", 0)
                        .set("nextPublishAt", Instant.now().plus(properties.republishAfter()))
                        .unset("queuedAt")
                        .unset("handedOutAt")
                        .unset("error")
                        .unset("result")
                        .unset("lastHeartbeatAt"),
                state -> new TaskNotRestartable(taskId, state));
        return queued(restarted);
    }

    /** Cancels an active task; a worker that runs it stops its ffmpeg and keeps nothing. */
    TaskView cancel(String ownerId, String taskId) {
        var canceled = change(
                ownerId,
                taskId,
                Trigger.CANCELED,
                current -> new Update().unset("nextPublishAt").unset("lastHeartbeatAt"),
                state -> new TaskNotCancelable(taskId, state));
        stopWorkers(canceled, "canceled by its owner");
        deleteResults(canceled);
        metrics.finished(canceled);
        dispatcher.mayHaveRoom();
        return views.view(canceled);
    }

    void delete(String ownerId, String taskId) {
        var task = tasks.removeOwned(ownerId, taskId).orElseThrow(() -> new TaskNotFound(taskId));
        if (task.state().active()) {
            stopWorkers(task, "deleted by its owner");
            dispatcher.mayHaveRoom();
        }
        deleteResults(task);
    }

    ResultDownload download(String ownerId, String taskId) {
        var task = owned(ownerId, taskId);
        if (task.state() != TaskState.DONE || task.result() == null) {
            throw new TaskNotDone(taskId, task.state());
        }
        var format = task.operations().format();
        return new ResultDownload(task.result().objectKey(), format.contentType(), downloadName(task));
    }

    @EventListener
    void onVideoDeleted(VideoDeleted event) {
        var removed = tasks.removeOwnedByVideo(event.ownerId(), event.videoId());
        removed.stream().filter(t -> t.state().active()).forEach(t -> stopWorkers(t, "its video was deleted"));
        removed.forEach(this::deleteResults);
        dispatcher.mayHaveRoom();
        log.info("deleted {} tasks of deleted video {}", removed.size(), event.videoId());
    }

    /** A NEW task joins the fair queue; if its turn is now, its job is handed to the broker before the answer. */
    private TaskView queued(TaskDocument task) {
        var scheduled = dispatcher.enqueue(task);
        dispatcher.handOut();
        return views.view(tasks.findById(scheduled.id()).orElse(scheduled));
    }

    private TaskDocument owned(String ownerId, String taskId) {
        return tasks.findOwned(ownerId, taskId).orElseThrow(() -> new TaskNotFound(taskId));
    }

    /**
     * A change the owner asked for, at the task's current attempt. When the table refuses it, why: the conflict of
     * the state the task is in now, or 404 when it is gone meanwhile.
     */
    private TaskDocument change(
            String ownerId,
            String taskId,
            Trigger trigger,
            Function<TaskDocument, Update> changes,
            Function<TaskState, RuntimeException> conflict) {
        var task = owned(ownerId, taskId);
        return tasks.transition(task.id(), task.attempt(), trigger, changes)
                .orElseThrow(() -> tasks.findById(taskId)
                        .<RuntimeException>map(current -> conflict.apply(current.state()))
                        .orElseGet(() -> new TaskNotFound(taskId)));
    }

    private void stopWorkers(TaskDocument task, String reason) {
        cancels.publish(new CancelTask(task.id(), task.attempt(), reason, Instant.now()));
    }

    // Every attempt may have left an object (a worker may still finish an attempt the api gave up on).
    private void deleteResults(TaskDocument task) {
        for (int attempt = 1; attempt <= task.attempt(); attempt++) {
            var key = task.resultObjectKeyFor(attempt);
            try {
                objectStore.delete(key);
            } catch (RuntimeException e) {
                log.warn("could not delete result {} of task {}: {}", key, task.id(), e.toString());
            }
        }
    }

    static String downloadName(TaskDocument task) {
        var filename = task.videoFilename() == null ? "video" : task.videoFilename();
        int dot = filename.lastIndexOf('.');
        var stem = dot > 0 ? filename.substring(0, dot) : filename;
        return stem + "-" + task.id() + "."
                + task.operations().format().fileExtension().toLowerCase(Locale.ROOT);
    }
}
