package org.vidcut.api.task;

import org.springframework.context.ApplicationContext;

/** Puts tasks straight into the store of a running api, for the tests of other features (the event streams). */
public final class StoredTasks {

    private StoredTasks() {}

    /** A scheduled task of {@code ownerId}, as {@link TaskBuilder} makes it; returns its id. */
    public static String scheduled(ApplicationContext api, String ownerId) {
        return insert(api, TaskBuilder.aTask().ownedBy(ownerId).scheduled());
    }

    /** A done task of {@code ownerId}; returns its id. */
    public static String done(ApplicationContext api, String ownerId) {
        return insert(api, TaskBuilder.aTask().ownedBy(ownerId).done());
    }

    private static String insert(ApplicationContext api, TaskBuilder task) {
        return api.getBean(TaskRepository.class).insert(task.build()).id();
    }
}
