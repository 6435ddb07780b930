package org.vidcut.standalone.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoTest {

    @TempDir
    Path dataDir;

    @Test
    void storesAndFindsDocumentsThroughTheDriver() {
        try (EmbeddedMongo mongo = EmbeddedMongo.startInMemory(0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> videos = client.getDatabase("vidcut").getCollection("videos");
            videos.insertOne(new Document("_id", "v1").append("owner", "alice").append("size", 42));
            videos.insertOne(new Document("_id", "v2").append("owner", "bob").append("size", 7));

            List<Document> alices = videos.find(Filters.eq("owner", "alice")).into(new ArrayList<>());

            assertThat(alices).singleElement().satisfies(video -> {
                assertThat(video.getString("_id")).isEqualTo("v1");
                assertThat(video.getInteger("size")).isEqualTo(42);
            });
        }
    }

    @Test
    void uniqueIndexRejectsDuplicateKey() {
        try (EmbeddedMongo mongo = EmbeddedMongo.startInMemory(0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            MongoCollection<Document> users = client.getDatabase("vidcut").getCollection("users");
            users.createIndex(Indexes.ascending("username"), new IndexOptions().unique(true));
            users.insertOne(new Document("username", "alice"));

            assertThatThrownBy(() -> users.insertOne(new Document("username", "alice")))
                    .isInstanceOfSatisfying(
                            MongoWriteException.class,
                            e -> assertThat(ErrorCategory.fromErrorCode(e.getCode()))
                                    .isEqualTo(ErrorCategory.DUPLICATE_KEY));
            assertThat(users.countDocuments()).isEqualTo(1);
        }
    }

    @Test
    void keepsDataInTheH2FileAcrossARestart() {
        Path file = dataDir.resolve("mongo").resolve("vidcut.mv");
        try (EmbeddedMongo mongo = EmbeddedMongo.startPersistent(file, 0);
                MongoClient client = MongoClients.create(mongo.connectionString("vidcut"))) {
            client.getDatabase("vidcut")
                    .getCollection("tasks")
                    .insertOne(new Document("_id", "t1").append("state", "done"));
        }

        try (EmbeddedMongo mongo = EmbeddedMongo.startPersistent(file, 0);
                MongoClient client = MongoClients.create(mongo.connectionString("vidcut"))) {
            Document task = client.getDatabase("vidcut")
                    .getCollection("tasks")
                    .find(Filters.eq("_id", "t1"))
                    .first();

            assertThat(task).isNotNull();
            assertThat(task.getString("state")).isEqualTo("done");
        }
    }

    @Test
    void refusesADataFileThatIsAlreadyOpen() {
        Path file = dataDir.resolve("vidcut.mv");
        try (EmbeddedMongo first = EmbeddedMongo.startPersistent(file, 0)) {
            assertThatThrownBy(() -> EmbeddedMongo.startPersistent(file, 0))
                    .isInstanceOf(DataFileLocked.class)
                    .hasMessageContaining(file.toAbsolutePath().toString())
                    .hasMessageContaining("in use by another process");
            assertThat(first.port()).isPositive();
        }
    }

    @Test
    void answersTheHelloHandshakeThatSpringBootsHealthCheckSends() {
        try (EmbeddedMongo mongo = EmbeddedMongo.startInMemory(0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            Document answer = client.getDatabase("admin").runCommand(new Document("hello", 1));

            assertThat(answer.get("ok", Number.class).intValue()).isEqualTo(1);
            assertThat(answer.getBoolean("isWritablePrimary")).isTrue();
            assertThat(answer.getInteger("maxWireVersion")).isPositive();
        }
    }

    @Test
    void answersHelloAlsoWithTheH2Backend() {
        try (EmbeddedMongo mongo = EmbeddedMongo.startPersistent(dataDir.resolve("hello.mv"), 0);
                MongoClient client = MongoClients.create(mongo.connectionString())) {
            Document answer = client.getDatabase("vidcut").runCommand(new Document("hello", 1));

            assertThat(answer.getBoolean("isWritablePrimary")).isTrue();
        }
    }

    @Test
    void listensOnLoopbackOnTheRequestedPort() throws Exception {
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.startInMemory(port)) {
            assertThat(mongo.port()).isEqualTo(port);
            assertThat(mongo.connectionString()).isEqualTo("mongodb://127.0.0.1:" + port);
            assertThat(mongo.connectionString("vidcut")).isEqualTo("mongodb://127.0.0.1:" + port + "/vidcut");
        }
    }
}
