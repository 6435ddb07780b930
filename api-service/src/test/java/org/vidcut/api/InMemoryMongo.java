package org.vidcut.api;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * One in-process MongoDB stand-in (mongo-java-server) for the whole test JVM. Use it from
 * {@code @DynamicPropertySource}: {@code registry.add("spring.mongodb.uri", () -> InMemoryMongo.uri("db"))}; a
 * database name per test class keeps classes apart.
 */
public final class InMemoryMongo {

    private static MongoServer server;
    private static String uriBase;

    private InMemoryMongo() {}

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
}
