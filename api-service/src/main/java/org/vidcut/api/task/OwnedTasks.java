package org.vidcut.api.task;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.vidcut.api.limits.UserLimits;
import org.vidcut.api.storage.ObjectStore;
import org.vidcut.api.web.PagedResponses;

/**
 * The task use cases for other features (the compatibility APIs): the same validation, state machine and
 * publishing as {@code /v1/tasks}, owner-scoped.
 */
@Component
public class OwnedTasks {

    private final TaskService tasks;
    private final ObjectStore objectStore;
    private final UserLimits limits;

    OwnedTasks(TaskService tasks, ObjectStore objectStore, UserLimits limits) {
        this.tasks = tasks;
        this.objectStore = objectStore;
        this.limits = limits;
    }

    /**
     * Within the same task quota as {@code POST /v1/tasks}.
     *
     * @throws InvalidTaskRequest (422) naming the field at fault
     */
    public TaskSummary create(
            String ownerId,
            String videoId,
            @Nullable String format,
            @Nullable Integer width,
            @Nullable Integer height) {
        limits.admitTask(ownerId);
        return summary(tasks.create(ownerId, new CreateTaskRequest(videoId, null, null, width, height, format, null)));
    }

    public TaskSummary get(String ownerId, String taskId) {
        return summary(tasks.get(ownerId, taskId));
    }

    /** Every task of the owner, newest first. */
    public List<TaskSummary> all(String ownerId) {
        var all = new ArrayList<TaskSummary>();
        var page = tasks.list(ownerId, null, null, PageRequest.of(0, PagedResponses.MAX_PAGE_SIZE));
        while (true) {
            page.forEach(view -> all.add(summary(view)));
            if (!page.hasNext()) {
                return all;
            }
            page = tasks.list(ownerId, null, null, page.nextPageable());
        }
    }

    /** The newest tasks of one video, newest first. */
    public List<TaskSummary> latestOf(String ownerId, String videoId, int count) {
        return tasks.list(ownerId, null, videoId, PageRequest.of(0, count)).stream()
                .map(OwnedTasks::summary)
                .toList();
    }

    public void delete(String ownerId, String taskId) {
        tasks.delete(ownerId, taskId);
    }

    /** The result's bytes, as {@code GET /v1/tasks/{id}/content} serves them (409 until done, Range supported). */
    public ResponseEntity<StreamingResponseBody> content(String ownerId, String taskId, @Nullable String range) {
        return tasks.download(ownerId, taskId).stream(objectStore, range);
    }

    private static TaskSummary summary(TaskView view) {
        return new TaskSummary(
                view.id(), view.videoId(), view.state().id(), view.format().id(), view.error(), view.createdAt());
    }
}
