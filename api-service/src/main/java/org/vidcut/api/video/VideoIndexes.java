package org.vidcut.api.video;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import org.vidcut.api.indexes.CollectionIndexes;

/** The index behind "the owner's videos, newest first". It only speeds up listing. */
@Component
class VideoIndexes {

    static final String OWNER_CREATED_INDEX = "videos_owner_created";

    private final CollectionIndexes indexes;

    VideoIndexes(MongoTemplate mongo) {
        this.indexes = CollectionIndexes.of(
                mongo,
                VideoDocument.class,
                new Index()
                        .on("ownerId", Sort.Direction.ASC)
                        .on("createdAt", Sort.Direction.DESC)
                        .on("_id", Sort.Direction.DESC)
                        .named(OWNER_CREATED_INDEX));
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        indexes.createAtStartup();
    }

    void ensure() {
        indexes.ensure();
    }
}
