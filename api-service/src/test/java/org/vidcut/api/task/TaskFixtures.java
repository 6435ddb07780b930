package org.vidcut.api.task;

import org.springframework.data.mongodb.core.MongoTemplate;

/** Stored tasks for the tests of other features, which cannot see the task package's types. */
public final class TaskFixtures {

    private TaskFixtures() {}

    /** Stores a scheduled task of {@code ownerId} at attempt 1 (see {@link TaskBuilder}) and returns its id. */
    public static String insertScheduled(MongoTemplate mongo, String ownerId) {
        return mongo.insert(TaskBuilder.aTask().ownedBy(ownerId).scheduled().build())
                .id();
    }
}
