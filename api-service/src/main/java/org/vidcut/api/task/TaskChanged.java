package org.vidcut.api.task;

/**
 * A task was created, changed state or progress, or was removed: published as a Spring application event by
 * {@link TaskRepository} after the write, in the thread that made it, for whatever needs to react to changes (the
 * event streams of every replica, notifications). It names the task only; a listener reads what it needs.
 *
 * @param state the state's id ({@code processing}, {@code done}, ...) after the change, or at removal
 * @param version the task's {@code version} after the change; it only grows, so a listener can drop stale news
 * @param removed the task is gone (deleted by its owner or with its video)
 */
public record TaskChanged(String taskId, String ownerId, String state, long version, boolean removed) {

    static TaskChanged of(TaskDocument task) {
        return new TaskChanged(task.id(), task.ownerId(), task.state().id(), versionOf(task), false);
    }

    static TaskChanged removal(TaskDocument task) {
        return new TaskChanged(task.id(), task.ownerId(), task.state().id(), versionOf(task), true);
    }

    static long versionOf(TaskDocument task) {
        return task.version() == null ? 0 : task.version();
    }
}
