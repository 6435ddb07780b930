package org.vidcut.api.task;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import org.vidcut.api.limits.Sums;
import org.vidcut.api.limits.TaskUsage;

/** Counts a user's unfinished tasks and stored results for the quotas. */
@Component
class TaskUsageQueries implements TaskUsage {

    private final MongoTemplate mongo;

    TaskUsageQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public long activeTasks(String ownerId) {
        return mongo.count(
                Query.query(Criteria.where("ownerId").is(ownerId).and("state").in(TaskState.ACTIVE)),
                TaskDocument.class);
    }

    @Override
    public long resultBytes(String ownerId) {
        return Sums.of(
                mongo,
                TaskDocument.class,
                Criteria.where("ownerId").is(ownerId).and("result").ne(null),
                "result.sizeBytes");
    }
}
