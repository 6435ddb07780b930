package org.vidcut.api.task;

import org.springframework.context.ApplicationContext;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Puts tasks as {@link TaskBuilder} makes them straight into the store, for the tests of other features. */
public final class StoredTasks {

    private StoredTasks() {}

    /**
     * A scheduled task of {@code ownerId} at attempt 1, stored through the running api's repository, so that the
     * api announces it (the event streams see it); returns its id.
     */
    public static String scheduled(ApplicationContext api, String ownerId) {
        return insert(api, TaskBuilder.aTask().ownedBy(ownerId).scheduled());
    }

    /** A done task of {@code ownerId}, stored through the running api's repository; returns its id. */
    public static String done(ApplicationContext api, String ownerId) {
        return insert(api, TaskBuilder.aTask().ownedBy(ownerId).done());
    }

    /**
     * A scheduled task of {@code ownerId} at attempt 1, written into the collection directly, so that nothing is
     * announced; returns its id.
     */
    public static String scheduledQuietly(MongoTemplate mongo, String ownerId) {
        return mongo.insert(TaskBuilder.aTask().ownedBy(ownerId).scheduled().build())
                .id();
    }

    private static String insert(ApplicationContext api, TaskBuilder task) {
        return api.getBean(TaskRepository.class).insert(task.build()).id();
    }
}
