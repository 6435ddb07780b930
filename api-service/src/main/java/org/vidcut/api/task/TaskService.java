package org.vidcut.api.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bson.types.ObjectId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.vidcut.api.storage.ObjectStore;
import org.vidcut.api.storage.StorageProperties;
import org.vidcut.api.video.OwnedVideos;
import org.vidcut.api.video.VideoDeleted;

/** The task use cases, always scoped to the calling user. */
@Service
class TaskService {

    private static final Logger log = LoggerFactory.getLogger(TaskService.class);

    private final TaskRepository tasks;
    private final OwnedVideos videos;
    private final JobDispatcher dispatcher;
    private final ObjectStore objectStore;
    private final TaskProperties properties;
    private final StorageProperties storage;
    private final TaskMetrics metrics;

    TaskService(
            TaskRepository tasks,
            OwnedVideos videos,
            JobDispatcher dispatcher,
            ObjectStore objectStore,
            TaskProperties properties,
            StorageProperties storage) {
        this(tasks, videos, dispatcher, objectStore, properties, storage, TaskMetrics.unregistered());
    }

    @Autowired
    TaskService(
            TaskRepository tasks,
            OwnedVideos videos,
            JobDispatcher dispatcher,
            ObjectStore objectStore,
            TaskProperties properties,
            StorageProperties storage,
            TaskMetrics metrics) {
        this.metrics = metrics;
        this.tasks = tasks;
        this.videos = videos;
        this.dispatcher = dispatcher;
        this.objectStore = objectStore;
        this.properties = properties;
        this.storage = storage;
    }

    TaskView create(String ownerId, CreateTaskRequest request) {
        if (!(request.videoId() instanceof String videoId) || videoId.isBlank()) {
            throw new InvalidTaskRequest("video_id", "is required (the id of one of your videos)");
        }
        var video = videos.findOwned(ownerId, videoId);
        var plan = TaskPlanner.plan(request, video);
        var now = Instant.now();
        var task = new TaskDocument();
        task.setId(new ObjectId().toHexString());
        task.setOwnerId(ownerId);
        task.setVideoId(video.id());
        task.setVideoFilename(video.filename());
        task.setSourceObjectKey(video.objectKey());
        task.setSourceDurationSeconds(video.durationSeconds());
        task.setSourceWidth(video.width());
        task.setSourceHeight(video.height());
        task.setState(TaskState.NEW);
        task.setHistory(new ArrayList<>(List.of(new StateChange(TaskState.NEW, 1, now))));
        task.setAttempt(1);
        task.setRunFirstAttempt(1);
        task.setRequested(plan.requested());
        task.setOperations(plan.operations());
        task.setCreatedAt(now);
        task.setUpdatedAt(now);
        // due later, not now: the dispatch below publishes at once, the sweeper only if that was not confirmed
        task.setNextPublishAt(now.plus(properties.republishAfter()));
        var saved = tasks.insert(task);
        metrics.created(saved);
        return view(dispatcher.dispatch(saved));
    }

    TaskView get(String ownerId, String taskId) {
        return view(owned(ownerId, taskId));
    }

    Page<TaskView> list(String ownerId, String state, String videoId, Pageable pageable) {
        TaskState wanted = null;
        if (state != null && !state.isBlank()) {
            wanted = TaskState.find(state)
                    .orElseThrow(() ->
                            new InvalidTaskRequest("state", "must be one of new, scheduled, processing, done, failed"));
        }
        var filterVideo = videoId == null || videoId.isBlank() ? null : videoId;
        return tasks.findOwned(ownerId, wanted, filterVideo, pageable).map(this::view);
    }

    /** Starts a new run of a failed task: a fresh attempt with a fresh retry budget, published like a create. */
    TaskView restart(String ownerId, String taskId) {
        var task = owned(ownerId, taskId);
        if (!task.getState().canMoveTo(TaskState.NEW) || task.getState() != TaskState.FAILED) {
            throw new TaskNotRestartable(taskId, task.getState());
        }
        var now = Instant.now();
        int next = task.getAttempt() + 1;
        var update = TaskDocument.entering(TaskState.NEW, next, now)
                .set("attempt", next)
                .set("runFirstAttempt", next)
                .set("progress", 0)
                .set("nextPublishAt", now.plus(properties.republishAfter()))
                .unset("error")
                .unset("result")
                .unset("lastHeartbeatAt");
        var restarted = tasks.compareAndSet(task.getId(), task.getAttempt(), Set.of(TaskState.FAILED), update, now)
                .orElseThrow(() -> new TaskNotRestartable(
                        taskId,
                        tasks.findById(taskId).map(TaskDocument::getState).orElse(task.getState())));
        return view(dispatcher.dispatch(restarted));
    }

    void delete(String ownerId, String taskId) {
        var task = tasks.removeOwned(ownerId, taskId).orElseThrow(() -> new TaskNotFound(taskId));
        deleteResults(task);
    }

    ResultDownload download(String ownerId, String taskId) {
        var task = owned(ownerId, taskId);
        if (task.getState() != TaskState.DONE || task.getResult() == null) {
            throw new TaskNotDone(taskId, task.getState());
        }
        var format = task.getOperations().format();
        return new ResultDownload(task.getResult().objectKey(), format.contentType(), downloadName(task));
    }

    @EventListener
    void onVideoDeleted(VideoDeleted event) {
        var doomed = tasks.findOwnedByVideo(event.ownerId(), event.videoId());
        doomed.forEach(this::deleteResults);
        long removed = tasks.removeOwnedByVideo(event.ownerId(), event.videoId());
        log.info("deleted {} tasks of deleted video {}", removed, event.videoId());
    }

    private TaskDocument owned(String ownerId, String taskId) {
        return tasks.findOwned(ownerId, taskId).orElseThrow(() -> new TaskNotFound(taskId));
    }

    // Every attempt may have left an object (a worker may still finish an attempt the api gave up on).
    private void deleteResults(TaskDocument task) {
        for (int attempt = 1; attempt <= task.getAttempt(); attempt++) {
            var key = task.resultObjectKeyFor(attempt);
            try {
                objectStore.delete(key);
            } catch (RuntimeException e) {
                log.warn("could not delete result {} of task {}: {}", key, task.getId(), e.toString());
            }
        }
    }

    TaskView view(TaskDocument task) {
        var operations = task.getOperations();
        var result = task.getResult();
        boolean done = task.getState() == TaskState.DONE && result != null;
        Integer width;
        Integer height;
        Double duration;
        if (done) {
            width = result.width();
            height = result.height();
            duration = result.durationSeconds();
        } else {
            var size = OutputSize.expected(
                    operations.format(),
                    operations.width(),
                    operations.height(),
                    task.getSourceWidth(),
                    task.getSourceHeight());
            width = size.width();
            height = size.height();
            duration = operations.outputSeconds();
        }
        return new TaskView(
                task.getId(),
                task.getVideoId(),
                task.getCreatedAt(),
                task.getUpdatedAt(),
                task.getState(),
                task.getProgress(),
                done ? objectStore.presignedGet(result.objectKey(), storage.presignExpiry()) : null,
                duration,
                operations.startSeconds(),
                operations.endSeconds(),
                width,
                height,
                operations.format(),
                operations.accuracy(),
                task.getError(),
                task.getAttempt(),
                task.getHistory());
    }

    static String downloadName(TaskDocument task) {
        var filename = task.getVideoFilename() == null ? "video" : task.getVideoFilename();
        int dot = filename.lastIndexOf('.');
        var stem = dot > 0 ? filename.substring(0, dot) : filename;
        return stem + "-" + task.getId() + "."
                + task.getOperations().format().fileExtension().toLowerCase(Locale.ROOT);
    }
}
