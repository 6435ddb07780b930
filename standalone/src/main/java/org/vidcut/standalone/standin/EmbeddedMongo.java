package org.vidcut.standalone.standin;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MongoDB stand-in (mongo-java-server) on 127.0.0.1. The H2 backend keeps data in one file across restarts; only
 * one process may open that file at a time.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    private static final String HOST = "127.0.0.1";

    private final MongoServer server;
    private final int port;

    private EmbeddedMongo(MongoServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /** Data kept in {@code file} (created with its parent directories when missing). Port 0 picks a free port. */
    public static EmbeddedMongo startPersistent(Path file, int port) {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory of " + absolute, e);
        }
        H2Backend backend;
        try {
            backend = new H2Backend(absolute.toString());
        } catch (MVStoreException e) {
            if (isLockFailure(e)) {
                throw new DataFileLocked(absolute, e);
            }
            throw e;
        }
        return start(backend, port, "H2 file " + absolute);
    }

    /** Data lost on close: for tests. Port 0 picks a free port. */
    public static EmbeddedMongo startInMemory(int port) {
        return start(new MemoryBackend(), port, "memory");
    }

    private static EmbeddedMongo start(MongoBackend backend, int port, String storage) {
        MongoServer server = new MongoServer(backend);
        try {
            server.bind(HOST, port);
        } catch (RuntimeException e) {
            server.shutdownNow();
            throw e;
        }
        EmbeddedMongo mongo = new EmbeddedMongo(server, server.getLocalAddress().getPort());
        log.info("MongoDB stand-in listening on {}:{} ({})", HOST, mongo.port, storage);
        return mongo;
    }

    private static boolean isLockFailure(MVStoreException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("locked")) {
                return true;
            }
        }
        return false;
    }

    public int port() {
        return port;
    }

    /** {@code mongodb://127.0.0.1:PORT} */
    public String connectionString() {
        return "mongodb://" + HOST + ":" + port;
    }

    /** {@code mongodb://127.0.0.1:PORT/DATABASE}, the form Spring's {@code spring.mongodb.uri} expects. */
    public String connectionString(String database) {
        return connectionString() + "/" + database;
    }

    /** Closes client connections and, for the H2 backend, commits and releases the data file. */
    @Override
    public void close() {
        server.shutdown();
        log.info("MongoDB stand-in on port {} stopped", port);
    }
}
