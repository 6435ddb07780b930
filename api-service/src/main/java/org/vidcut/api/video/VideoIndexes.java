package org.vidcut.api.video;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * Creates the index behind "the owner's videos, newest first". It only speeds up listing, so a database that
 * is unreachable at startup is logged rather than fatal.
 */
@Component
class VideoIndexes {

    static final String OWNER_CREATED_INDEX = "videos_owner_created";

    private static final Logger log = LoggerFactory.getLogger(VideoIndexes.class);

    private final MongoTemplate mongo;

    VideoIndexes(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStartup() {
        try {
            ensure();
        } catch (RuntimeException e) {
            log.warn("could not create the video index: {}", e.toString());
        }
    }

    void ensure() {
        mongo.indexOps(VideoDocument.class)
                .createIndex(new Index()
                        .on("ownerId", Sort.Direction.ASC)
                        .on("createdAt", Sort.Direction.DESC)
                        .on("_id", Sort.Direction.DESC)
                        .named(OWNER_CREATED_INDEX));
    }
}
