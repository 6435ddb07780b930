package org.vidcut.api.testing;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The one in-process MongoDB stand-in (mongo-java-server) of the test JVM, started on first use. Every test class
 * gets a database of its own on it, named after the class: Spring tests through {@link WithInMemoryMongo} (or
 * {@link ApiIntegrationTest}), plain tests through {@link #template(Class)}. One server instead of one per class
 * saves a start per class, and it lives as long as the JVM, so no cached context's sweeper outlives it.
 */
public final class InMemoryMongo {

    private static MongoServer server;
    private static String uriBase;
    private static MongoClient client;

    private InMemoryMongo() {}

    /** The connection string of {@code database} on the stand-in. */
    public static synchronized String uri(String database) {
        if (server == null) {
            server = new MongoServer(new MemoryBackend());
            server.bind("127.0.0.1", 0);
            var address = server.getLocalAddress();
            Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
            uriBase = "mongodb://127.0.0.1:" + address.getPort() + "/";
        }
        return uriBase + database;
    }

    /** The connection string of the database of {@code testClass}. */
    public static String uri(Class<?> testClass) {
        return uri(databaseOf(testClass));
    }

    /**
     * The database of {@code testClass}: its top-level class's simple name, so that nested classes share it (as
     * they share the Spring context). Test class names are unique in the module.
     */
    public static String databaseOf(Class<?> testClass) {
        var top = testClass;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        return top.getSimpleName();
    }

    /**
     * A template over the database of {@code testClass}, emptied first, for tests that build their objects by
     * hand; a class calls it once (in {@code @BeforeAll}) and cleans up between its tests itself.
     */
    public static synchronized MongoTemplate template(Class<?> testClass) {
        var database = databaseOf(testClass);
        if (client == null) {
            client = MongoClients.create(uri(database));
        }
        var template = new MongoTemplate(client, database);
        template.getDb().drop();
        return template;
    }
}
