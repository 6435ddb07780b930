package org.vidcut.api.limits;

import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.data.mongodb.core.query.Criteria;

/** The byte counts the quotas compare, summed in the database rather than over loaded documents. */
public final class Sums {

    private Sums() {}

    /** The sum of {@code field} over the documents of {@code type} that {@code match} selects; 0 for none. */
    public static long of(MongoTemplate mongo, Class<?> type, Criteria match, String field) {
        var sum = Aggregation.newAggregation(
                Aggregation.match(match), Aggregation.group().sum(field).as("sum"));
        var total = mongo.aggregate(sum, type, Document.class).getUniqueMappedResult();
        return total == null ? 0 : ((Number) total.get("sum")).longValue();
    }
}
