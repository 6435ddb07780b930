package org.vidcut.standalone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.vidcut.api.ApiApplication;
import org.vidcut.standalone.standin.EmbeddedAmqp;
import org.vidcut.standalone.standin.EmbeddedMongo;
import org.vidcut.standalone.standin.EmbeddedS3;
import org.vidcut.worker.WorkerApplication;

/**
 * A running standalone installation: the three stand-ins, the api-service context and the converter-worker
 * context. {@link #close()} stops them in reverse order of dependence.
 */
public final class Standalone implements AutoCloseable {

    static final String BUCKET = "vidcut";
    static final String DATABASE = "vidcut";
    static final String REGION = "us-east-1";
    static final String AMQP_USER = "vidcut";

    /** The worker shares the classpath with the api, which brings MongoDB; the worker must never touch it. */
    static final List<String> MONGO_AUTO_CONFIGURATIONS = List.of(
            "org.springframework.boot.mongodb.autoconfigure.MongoAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.MongoReactiveAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.health.MongoHealthContributorAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.health.MongoReactiveHealthContributorAutoConfiguration",
            "org.springframework.boot.mongodb.autoconfigure.metrics.MongoMetricsAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoReactiveRepositoriesAutoConfiguration",
            "org.springframework.boot.data.mongodb.autoconfigure.DataMongoRepositoriesAutoConfiguration");

    private static final Logger log = LoggerFactory.getLogger(Standalone.class);

    private final Deque<AutoCloseable> running;
    private final URI apiBaseUrl;
    private final URI storageEndpoint;
    private final StandaloneSecrets secrets;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Standalone(Deque<AutoCloseable> running, URI apiBaseUrl, URI storageEndpoint, StandaloneSecrets secrets) {
        this.running = running;
        this.apiBaseUrl = apiBaseUrl;
        this.storageEndpoint = storageEndpoint;
        this.secrets = secrets;
    }

    /** Starts everything; on failure stops whatever had started and rethrows. */
    public static Standalone start(StandaloneSettings settings) {
        Deque<AutoCloseable> running = new ArrayDeque<>();
        try {
            Path dataDir = createDataDir(settings.dataDir());
            StandaloneSecrets secrets = StandaloneSecrets.loadOrCreate(dataDir);

            EmbeddedMongo mongo =
                    EmbeddedMongo.startPersistent(dataDir.resolve("mongo").resolve("vidcut.mv"), 0);
            running.push(mongo);
            EmbeddedS3 s3 = EmbeddedS3.startFilesystem(
                    dataDir.resolve("objects"),
                    0,
                    new EmbeddedS3.Credentials(secrets.storageAccessKey(), secrets.storageSecretKey()),
                    BUCKET);
            running.push(s3);
            StandaloneSettings.AmqpEndpoint amqp = settings.externalAmqp();
            if (amqp == null) {
                EmbeddedAmqp embedded =
                        EmbeddedAmqp.start(dataDir.resolve("amqp"), 0, AMQP_USER, secrets.amqpPassword());
                running.push(embedded);
                amqp = new StandaloneSettings.AmqpEndpoint(
                        embedded.host(), embedded.port(), embedded.username(), embedded.password());
            } else {
                log.info("Using the external broker {}", amqp);
            }

            ConfigurableApplicationContext api = new SpringApplicationBuilder(ApiApplication.class)
                    .main(ApiApplication.class)
                    .registerShutdownHook(false)
                    .listeners(new StandaloneProperties(apiProperties(settings, secrets, mongo, s3, amqp)))
                    .run(settings.apiArguments().toArray(String[]::new));
            running.push(api);

            if (settings.inProcessWorker()) {
                ConfigurableApplicationContext worker = new SpringApplicationBuilder(WorkerApplication.class)
                        .main(WorkerApplication.class)
                        .web(WebApplicationType.NONE)
                        .registerShutdownHook(false)
                        .listeners(new StandaloneProperties(workerProperties(dataDir, secrets, s3, amqp)))
                        .run();
                running.push(worker);
            }

            URI apiBaseUrl = URI.create("http://localhost:" + apiPort(api, settings.serverPort()));
            log.info("vidcut is running: API {} , Swagger UI {}", apiBaseUrl, apiBaseUrl.resolve("/swagger-ui.html"));
            return new Standalone(running, apiBaseUrl, s3.endpoint(), secrets);
        } catch (RuntimeException | Error e) {
            closeAll(running, e);
            throw e;
        }
    }

    static Map<String, Object> apiProperties(
            StandaloneSettings settings,
            StandaloneSecrets secrets,
            EmbeddedMongo mongo,
            EmbeddedS3 s3,
            StandaloneSettings.AmqpEndpoint amqp) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("server.port", settings.serverPort());
        properties.put("spring.mongodb.uri", mongo.connectionString(DATABASE));
        properties.putAll(sharedProperties(secrets, s3, amqp));
        // clients reach the store through the browser's idea of this machine, not the loopback address literal
        properties.put("vidcut.storage.public-endpoint", "http://localhost:" + s3.port());
        properties.put("vidcut.auth.jwt-secret", secrets.jwtSecret());
        // probes and metrics stay on this machine; a random api port gets a random management port too
        properties.put("management.server.address", "127.0.0.1");
        if (settings.serverPort() == 0) {
            properties.put("management.server.port", 0);
        }
        // the in-process broker keeps messages in memory only: the api publishes scheduled tasks again at start
        properties.put("vidcut.tasks.requeue-scheduled-on-startup", true);
        return properties;
    }

    static Map<String, Object> workerProperties(
            Path dataDir, StandaloneSecrets secrets, EmbeddedS3 s3, StandaloneSettings.AmqpEndpoint amqp) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.main.web-application-type", "none");
        properties.put("spring.autoconfigure.exclude", String.join(",", MONGO_AUTO_CONFIGURATIONS));
        properties.putAll(sharedProperties(secrets, s3, amqp));
        properties.put("vidcut.worker.work-dir", dataDir.resolve("work").toString());
        // the api printed it already
        properties.put("spring.main.banner-mode", "off");
        return properties;
    }

    private static Map<String, Object> sharedProperties(
            StandaloneSecrets secrets, EmbeddedS3 s3, StandaloneSettings.AmqpEndpoint amqp) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.rabbitmq.host", amqp.host());
        properties.put("spring.rabbitmq.port", amqp.port());
        properties.put("spring.rabbitmq.username", amqp.username());
        properties.put("spring.rabbitmq.password", amqp.password());
        properties.put("spring.rabbitmq.virtual-host", amqp.virtualHost());
        properties.put("vidcut.storage.endpoint", s3.endpoint().toString());
        properties.put("vidcut.storage.access-key", secrets.storageAccessKey());
        properties.put("vidcut.storage.secret-key", secrets.storageSecretKey());
        properties.put("vidcut.storage.bucket", BUCKET);
        properties.put("vidcut.storage.region", REGION);
        // the launcher's shutdown hook logs while it stops everything: logging must outlive it
        properties.put("logging.register-shutdown-hook", false);
        // Qpid logs every connection, channel and queue at INFO; the stand-ins' Jetty its lifecycle
        properties.put("logging.level.qpid.message", "WARN");
        properties.put("logging.level.org.apache.qpid", "WARN");
        properties.put("logging.level.org.gaul", "WARN");
        return properties;
    }

    private static int apiPort(ConfigurableApplicationContext api, int requested) {
        if (api instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            return web.getWebServer().getPort();
        }
        return requested;
    }

    private static Path createDataDir(Path dataDir) {
        try {
            if (!Files.isDirectory(dataDir)) {
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.createDirectories(
                            dataDir,
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(dataDir);
                }
            }
            return dataDir;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir, e);
        }
    }

    /** {@code http://localhost:PORT} with the port the api actually listens on. */
    public URI apiBaseUrl() {
        return apiBaseUrl;
    }

    /** The S3 stand-in's address, e.g. for workers started as their own processes. */
    public URI storageEndpoint() {
        return storageEndpoint;
    }

    public int apiPort() {
        return apiBaseUrl.getPort();
    }

    /** The generated credentials, e.g. for tests that inspect the object store directly. */
    public StandaloneSecrets secrets() {
        return secrets;
    }

    /** Stops the worker, then the api, then the stand-ins. Safe to call more than once. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            RuntimeException failure = new IllegalStateException("Standalone did not stop cleanly");
            closeAll(running, failure);
            if (failure.getSuppressed().length > 0) {
                throw failure;
            }
            log.info("vidcut standalone stopped");
        }
    }

    private static void closeAll(Deque<AutoCloseable> running, Throwable failure) {
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                failure.addSuppressed(e);
            }
        }
    }
}
