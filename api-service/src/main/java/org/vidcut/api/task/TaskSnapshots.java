package org.vidcut.api.task;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.vidcut.api.web.PagedResponses;

/** The views of a user's tasks for other features (the event streams), owner-scoped as {@code /v1/tasks}. */
@Component
public class TaskSnapshots {

    /** Bounds what a new stream of all tasks sends at once, as one page of {@code GET /v1/tasks} does. */
    public static final int MAX_UNFINISHED = PagedResponses.MAX_PAGE_SIZE;

    private final TaskRepository tasks;
    private final TaskViews views;

    TaskSnapshots(TaskRepository tasks, TaskViews views) {
        this.tasks = tasks;
        this.views = views;
    }

    /** The owner's task; empty when it does not exist or is someone else's. */
    public Optional<TaskSnapshot> find(String ownerId, String taskId) {
        return tasks.findOwned(ownerId, taskId).map(this::snapshot);
    }

    /**
     * @throws TaskNotFound (404) when the task does not exist or is someone else's
     */
    public TaskSnapshot get(String ownerId, String taskId) {
        return find(ownerId, taskId).orElseThrow(() -> new TaskNotFound(taskId));
    }

    /** The owner's new, scheduled and processing tasks, newest first, at most {@link #MAX_UNFINISHED}. */
    public List<TaskSnapshot> unfinished(String ownerId) {
        return tasks.findOwnedIn(ownerId, TaskState.ACTIVE, MAX_UNFINISHED).stream()
                .map(this::snapshot)
                .toList();
    }

    private TaskSnapshot snapshot(TaskDocument task) {
        return new TaskSnapshot(
                views.view(task), TaskChanged.versionOf(task), !task.state().active());
    }
}
