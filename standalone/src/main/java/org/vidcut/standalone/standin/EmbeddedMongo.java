package org.vidcut.standalone.standin;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
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
    private static final String IS_MASTER = "isMaster";

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
            backend = new HelloAwareH2Backend(absolute.toString());
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
        return start(new HelloAwareMemoryBackend(), port, "memory");
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
            if (message != null && message.toLowerCase(Locale.ROOT).contains("locked")) {
                return true;
            }
        }
        return false;
    }

    /*
     * mongo-java-server knows only the legacy isMaster handshake; Spring Boot's MongoDB health check (part of the
     * api's readiness) and newer drivers send hello, whose answer is isMaster's plus isWritablePrimary.
     */
    private static Document answerHello(Document isMasterAnswer) {
        isMasterAnswer.put("isWritablePrimary", Boolean.TRUE);
        return isMasterAnswer;
    }

    private static boolean isHello(String command) {
        return "hello".equalsIgnoreCase(command);
    }

    private static final class HelloAwareH2Backend extends H2Backend {

        HelloAwareH2Backend(String fileName) {
            super(fileName);
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            if (isHello(command)) {
                return answerHello(super.handleCommand(channel, database, IS_MASTER, query));
            }
            return super.handleCommand(channel, database, command, query);
        }
    }

    private static final class HelloAwareMemoryBackend extends MemoryBackend {

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            if (isHello(command)) {
                return answerHello(super.handleCommand(channel, database, IS_MASTER, query));
            }
            return super.handleCommand(channel, database, command, query);
        }
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
