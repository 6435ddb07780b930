package org.vidcut.api.task;

import org.springframework.stereotype.Component;
import org.vidcut.api.storage.ObjectStore;
import org.vidcut.support.storage.StorageProperties;

/** Turns stored tasks into what clients see, with a fresh presigned link to a finished result. */
@Component
class TaskViews {

    private final ObjectStore objectStore;
    private final StorageProperties storage;

    TaskViews(ObjectStore objectStore, StorageProperties storage) {
        this.objectStore = objectStore;
        this.storage = storage;
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
}
