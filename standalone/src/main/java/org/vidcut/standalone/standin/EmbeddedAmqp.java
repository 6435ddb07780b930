package org.vidcut.standalone.standin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.qpid.server.SystemLauncher;
import org.apache.qpid.server.SystemLauncherListener;
import org.apache.qpid.server.model.Broker;
import org.apache.qpid.server.model.Port;
import org.apache.qpid.server.model.SystemConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AMQP 0-9-1 stand-in: an embedded Apache Qpid Broker-J with an in-memory virtual host on 127.0.0.1. Messages do
 * not survive a restart.
 */
public final class EmbeddedAmqp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedAmqp.class);
    private static final String HOST = "127.0.0.1";
    private static final String PORT_NAME = "AMQP";
    private static final String CONFIG_FILE = "vidcut-qpid-config.json";
    private static final String SYSTEM_PROPERTIES_FILE = "vidcut-qpid-system.properties";

    /*
     * Users come from context variables, not from the file, so that no password is written to disk. PLAIN must be
     * allowed without TLS (secureOnlyMechanisms), and the housekeeping period is short because Qpid applies message
     * expiry only while housekeeping.
     */
    private static final String INITIAL_CONFIG = """
            {
              "name": "vidcut-amqp-stand-in",
              "modelVersion": "8.0",
              "authenticationproviders": [ {
                "name": "plain",
                "type": "Plain",
                "secureOnlyMechanisms": [],
                "users": [ {
                  "name": "${vidcut.amqp.username}",
                  "type": "managed",
                  "password": "${vidcut.amqp.password}"
                } ]
              } ],
              "ports": [ {
                "name": "AMQP",
                "type": "AMQP",
                "bindingAddress": "127.0.0.1",
                "port": "${qpid.amqp_port}",
                "authenticationProvider": "plain",
                "virtualhostaliases": [
                  { "name": "nameAlias", "type": "nameAlias" },
                  { "name": "defaultAlias", "type": "defaultAlias" }
                ]
              } ],
              "virtualhostnodes": [ {
                "name": "default",
                "type": "Memory",
                "defaultVirtualHostNode": "true",
                "virtualHostInitialConfiguration": "{\\"type\\": \\"Memory\\", \\"housekeepingCheckPeriod\\": 1000}"
              } ]
            }
            """;

    private final SystemLauncher launcher;
    private final int port;
    private final String username;
    private final String password;

    private EmbeddedAmqp(SystemLauncher launcher, int port, String username, String password) {
        this.launcher = launcher;
        this.port = port;
        this.username = username;
        this.password = password;
    }

    /** Port 0 picks a free port. {@code workDir} holds the broker's configuration file and scratch files. */
    public static EmbeddedAmqp start(Path workDir, int port, String username, String password) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            throw new IllegalArgumentException("AMQP user name and password must not be blank");
        }
        Path absolute = workDir.toAbsolutePath().normalize();
        Path configFile = absolute.resolve(CONFIG_FILE);
        Path systemPropertiesFile = absolute.resolve(SYSTEM_PROPERTIES_FILE);
        try {
            Files.createDirectories(absolute);
            Files.writeString(configFile, INITIAL_CONFIG, StandardCharsets.UTF_8);
            Files.writeString(systemPropertiesFile, "# no extra system properties\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare the AMQP stand-in work directory " + absolute, e);
        }

        Map<String, String> context = new HashMap<>();
        context.put("qpid.work_dir", absolute.toString());
        context.put("qpid.amqp_port", Integer.toString(port));
        context.put("vidcut.amqp.username", username);
        context.put("vidcut.amqp.password", password);
        // RabbitMQ's x-* queue arguments would otherwise close the connection of whoever declares them
        context.put("queue.behaviourOnUnknownDeclareArgument", "LOG");

        Map<String, Object> attributes = new HashMap<>();
        attributes.put("type", "Memory");
        attributes.put("initialConfigurationLocation", configFile.toUri().toString());
        /*
         * Qpid's default location is a classpath: URL, whose handler the JDK looks up through the system class
         * loader; inside the Spring Boot fat jar that loader cannot see Qpid's classes.
         */
        attributes.put(
                "initialSystemPropertiesLocation", systemPropertiesFile.toUri().toString());
        attributes.put("startupLoggedToSystemOut", false);
        attributes.put("context", context);

        AtomicReference<SystemConfig<?>> system = new AtomicReference<>();
        SystemLauncher launcher = new SystemLauncher(new SystemLauncherListener.DefaultSystemLauncherListener() {
            @Override
            public void onContainerResolve(SystemConfig<?> systemConfig) {
                system.set(systemConfig);
            }
        });
        long started = System.nanoTime();
        try {
            launcher.startup(attributes);
        } catch (Exception e) {
            launcher.shutdown();
            throw new IllegalStateException("The AMQP stand-in did not start", e);
        }
        int boundPort = boundPort(system.get(), port);
        detachQpidShutdownHook(system.get().getContainer());
        log.info(
                "AMQP stand-in (Qpid Broker-J) listening on {}:{} after {} ms",
                HOST,
                boundPort,
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return new EmbeddedAmqp(launcher, boundPort, username, password);
    }

    private static int boundPort(SystemConfig<?> system, int requested) {
        if (system == null) {
            return requested;
        }
        Broker<?> broker = (Broker<?>) system.getContainer(Broker.class);
        for (Port<?> candidate : broker.getPorts()) {
            if (PORT_NAME.equals(candidate.getName()) && candidate.getBoundPort() > 0) {
                return candidate.getBoundPort();
            }
        }
        return requested;
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public String username() {
        return username;
    }

    public String password() {
        return password;
    }

    /**
     * Qpid adds a JVM shutdown hook that stops the broker on Ctrl-C, concurrently with the launcher's own hook,
     * so the services would lose their broker while they still finish jobs. The launcher stops the broker last
     * itself; Qpid offers no setting for this, hence reflection, and a failure only costs a noisier shutdown.
     */
    private static void detachQpidShutdownHook(Object broker) {
        try {
            Field hook = broker.getClass().getDeclaredField("_shutdownHook");
            hook.setAccessible(true);
            if (hook.get(broker) instanceof Thread thread) {
                Runtime.getRuntime().removeShutdownHook(thread);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.debug("Qpid's shutdown hook stays: {}", e.toString());
        }
    }

    @Override
    public void close() {
        try {
            launcher.shutdown();
        } catch (IllegalStateException e) {
            // Qpid registers a JVM shutdown hook of its own that cannot be turned off; on Ctrl-C it may have
            // stopped the broker already, and a second shutdown finds its executors inactive
            log.debug("AMQP stand-in was already stopped: {}", e.getMessage());
        }
        log.info("AMQP stand-in on port {} stopped", port);
    }
}
