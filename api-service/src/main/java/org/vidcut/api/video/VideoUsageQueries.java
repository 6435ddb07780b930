package org.vidcut.api.video;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.vidcut.api.limits.Sums;
import org.vidcut.api.limits.VideoUsage;

/** Counts a user's originals and their bytes for the quotas. */
@Component
class VideoUsageQueries implements VideoUsage {

    private final MongoTemplate mongo;

    VideoUsageQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public long videos(String ownerId) {
        return mongo.count(Query.query(Criteria.where("ownerId").is(ownerId)), VideoDocument.class);
    }

    @Override
    public long originalBytes(String ownerId) {
        return Sums.of(mongo, VideoDocument.class, Criteria.where("ownerId").is(ownerId), "size");
    }
}
