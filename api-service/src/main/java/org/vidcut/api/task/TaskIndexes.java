package org.vidcut.api.task;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.vidcut.api.indexes.CollectionIndexes;

/** The indexes of the tasks collection, by the stored field names, each named after the reads it serves. */
final class TaskIndexes {

    private static final Sort.Direction ASC = Sort.Direction.ASC;

    private TaskIndexes() {}

    static CollectionIndexes of(MongoTemplate mongo) {
        return CollectionIndexes.of(
                mongo,
                TaskDocument.class,
                new Index()
                        .on("owner_id", ASC)
                        .on("created_at", Sort.Direction.DESC)
                        .named("owner_created"),
                new Index().on("state", ASC).on("next_publish_at", ASC).named("outbox"),
                new Index().on("state", ASC).on("last_heartbeat_at", ASC).named("heartbeats"),
                new Index().on("owner_id", ASC).on("video_id", ASC).named("owner_video"),
                new Index()
                        .on("state", ASC)
                        .on("handed_out_at", ASC)
                        .on("owner_id", ASC)
                        .on("queued_at", ASC)
                        .named("fair_queue"),
                // the webhook outbox's sweeper looks for tasks with notices due; most tasks have none
                new Index(TaskNotifications.DUE, ASC).named("notifications").sparse());
    }
}
