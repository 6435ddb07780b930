package org.vidcut.api.task;

import java.time.Instant;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.vidcut.api.storage.ObjectStore;
import org.vidcut.support.storage.StorageProperties;

/**
 * Turns stored tasks into what clients see, with a fresh presigned link to a finished result, and tags each view
 * with an ETag that changes whenever the view would change for the client.
 */
@Component
class TaskViews {

    private final ObjectStore objectStore;
    private final StorageProperties storage;
    private final WaitingTasks queue;

    TaskViews(ObjectStore objectStore, StorageProperties storage, WaitingTasks queue) {
        this.objectStore = objectStore;
        this.storage = storage;
        this.queue = queue;
    }

    TaskView view(TaskDocument task) {
        var operations = task.operations();
        var result = task.result();
        boolean done = task.state() == TaskState.DONE && result != null;
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
                    task.sourceWidth(),
                    task.sourceHeight());
            width = size.width();
            height = size.height();
            duration = operations.outputSeconds();
        }
        return new TaskView(
                task.id(),
                task.videoId(),
                task.createdAt(),
                task.updatedAt(),
                task.state(),
                task.progress(),
                queue.position(task),
                done
                        ? objectStore.presignedGet(
                                result.objectKey(),
                                storage.presignExpiry(),
                                operations.format().contentType(),
                                TaskService.downloadName(task))
                        : null,
                duration,
                operations.startSeconds(),
                operations.endSeconds(),
                width,
                height,
                operations.format(),
                operations.accuracy(),
                task.error(),
                task.attempt(),
                done ? TaskView.Result.of(result) : null,
                task.history());
    }

    /**
     * A weak ETag (the link's signature differs on every read; what it points to does not): the task's version,
     * which every change increments, plus for a done task the half link lifetime the read falls in, so that a client
     * told "not modified" always holds a link with at least half its lifetime left. A task waiting its turn moves up
     * the fair queue without changing itself, so its position is part of its tag.
     */
    String etag(TaskDocument task, Instant now) {
        var version = Long.toString(TaskChanged.versionOf(task));
        if (task.state() == TaskState.SCHEDULED && task.waiting()) {
            return "W/\"" + version + ".q" + queue.position(task) + "\"";
        }
        if (task.state() != TaskState.DONE || task.result() == null) {
            return "W/\"" + version + "\"";
        }
        long window = Math.max(1, storage.presignExpiry().toSeconds() / 2);
        return "W/\"" + version + "." + now.getEpochSecond() / window + "\"";
    }

    /** Whether an {@code If-None-Match} value names {@code etag}: weak comparison, as RFC 9110 asks for it. */
    static boolean matches(@Nullable String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        var opaque = withoutWeakness(etag);
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim)
                .anyMatch(candidate ->
                        candidate.equals("*") || withoutWeakness(candidate).equals(opaque));
    }

    private static String withoutWeakness(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
