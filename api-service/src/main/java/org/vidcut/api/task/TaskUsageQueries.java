package org.vidcut.api.task;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
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
        var sum = Aggregation.newAggregation(
                Aggregation.match(
                        Criteria.where("ownerId").is(ownerId).and("result").ne(null)),
                Aggregation.group().sum("result.sizeBytes").as("bytes"));
        var total = mongo.aggregate(sum, TaskDocument.class, Document.class).getUniqueMappedResult();
        return total == null ? 0 : ((Number) total.get("bytes")).longValue();
    }
}
