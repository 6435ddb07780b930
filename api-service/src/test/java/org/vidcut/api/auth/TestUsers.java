package org.vidcut.api.auth;

import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Puts users straight into the store, for tests that sign their own tokens with {@link TestAuth}. */
public final class TestUsers {

    private TestUsers() {}

    /**
     * Makes sure anonymous users with these ids exist (tokens of users that do not exist are refused); calling it
     * again for the same ids is harmless.
     */
    public static void storeAnonymous(MongoTemplate mongo, String... ids) {
        for (var id : ids) {
            mongo.save(new Document("_id", id).append("anonymous", true).append("createdAt", new Date()), "users");
        }
    }
}
