package org.vidcut.api.task;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.Date;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** An in-memory MongoDB stand-in on a free port, with a template over the real driver. */
final class MongoStandIn implements AutoCloseable {

    private final MongoServer server;
    private final MongoClient client;
    private final MongoTemplate template;
    private final String uri;

    private MongoStandIn() {
        server = new MongoServer(new MemoryBackend());
        var address = server.bind();
        uri = "mongodb://127.0.0.1:" + address.getPort() + "/vidcut-test";
        client = MongoClients.create(uri);
        template = new MongoTemplate(client, "vidcut-test");
    }

    static MongoStandIn start() {
        return new MongoStandIn();
    }

    /** Creates users with these ids: tokens of users that do not exist are refused. */
    MongoStandIn withUsers(String... ids) {
        for (var id : ids) {
            template.save(new Document("_id", id).append("anonymous", true).append("createdAt", new Date()), "users");
        }
        return this;
    }

    MongoTemplate template() {
        return template;
    }

    String uri() {
        return uri;
    }

    @Override
    public void close() {
        client.close();
        server.shutdownNow();
    }
}
