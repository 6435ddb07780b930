package org.vidcut.standalone.standin;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidcut.standalone.StandaloneSettings;

/**
 * The AMQP broker for tests: the real RabbitMQ on 127.0.0.1:5672 (guest/guest) when it answers within a second,
 * else one embedded Qpid Broker-J per JVM, stopped when the JVM exits.
 */
public final class TestBroker {

    private static final Logger log = LoggerFactory.getLogger(TestBroker.class);
    private static final String RABBIT_HOST = "127.0.0.1";
    private static final int RABBIT_PORT = 5672;
    private static final String GUEST = "guest";
    private static final int PROBE_TIMEOUT_MILLIS = 1000;

    private static Endpoint chosen;
    private static EmbeddedAmqp qpid;
    private static Boolean rabbitReachable;

    private TestBroker() {}

    /** Where tests should connect; decided once per JVM. */
    public static synchronized Endpoint endpoint() {
        if (chosen == null) {
            if (rabbitMqReachable()) {
                chosen = new Endpoint(RABBIT_HOST, RABBIT_PORT, GUEST, GUEST, Kind.RABBITMQ, ownVirtualHost());
                log.info(
                        "Tests use the real RabbitMQ at {}:{}, vhost {}",
                        RABBIT_HOST,
                        RABBIT_PORT,
                        chosen.virtualHost());
            } else {
                chosen = embeddedQpid();
                log.info("RabbitMQ is not reachable at {}:{}: tests use {}", RABBIT_HOST, RABBIT_PORT, chosen);
            }
        }
        return chosen;
    }

    /** The embedded Qpid broker, whether or not RabbitMQ runs: for tests of Qpid's own behaviour. */
    public static synchronized Endpoint embeddedQpid() {
        if (qpid == null) {
            Path workDir;
            try {
                workDir = Files.createTempDirectory("vidcut-test-qpid");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            qpid = EmbeddedAmqp.start(workDir, 0, GUEST, GUEST);
            EmbeddedAmqp started = qpid;
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                started.close();
                                deleteRecursively(workDir);
                            },
                            "test-qpid-shutdown"));
        }
        return new Endpoint(qpid.host(), qpid.port(), qpid.username(), qpid.password(), Kind.QPID, "/");
    }

    /** Whether the real RabbitMQ accepted a guest connection within a second (probed once per JVM). */
    public static synchronized boolean rabbitMqReachable() {
        if (rabbitReachable == null) {
            // -Dvidcut.test.broker=embedded runs the suite as a machine without RabbitMQ would
            rabbitReachable = !"embedded".equals(System.getProperty("vidcut.test.broker")) && probeRabbitMq();
        }
        return rabbitReachable;
    }

    /** The real RabbitMQ's default vhost; only meaningful when {@link #rabbitMqReachable()}. */
    public static Endpoint rabbitMq() {
        return new Endpoint(RABBIT_HOST, RABBIT_PORT, GUEST, GUEST, Kind.RABBITMQ, "/");
    }

    /**
     * A vhost of this test JVM's own, so that its queues neither meet another run's (or an installation's) nor
     * the declarations an older version left on {@code /}; deleted when the JVM exits. {@code /} where
     * {@code rabbitmqctl} is not at hand.
     */
    private static String ownVirtualHost() {
        var vhost = "vidcut-test-" + UUID.randomUUID().toString().substring(0, 8);
        if (!rabbitmqctl("add_vhost", vhost) || !rabbitmqctl("set_permissions", "-p", vhost, GUEST, ".*", ".*", ".*")) {
            log.warn("cannot create a vhost of its own (no rabbitmqctl or no permission): tests share vhost /");
            return "/";
        }
        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> rabbitmqctl("delete_vhost", vhost), "test-vhost-cleanup"));
        return vhost;
    }

    private static boolean rabbitmqctl(String... arguments) {
        var command = new ArrayList<String>();
        command.add("rabbitmqctl");
        command.addAll(List.of(arguments));
        try {
            var process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.debug("Could not delete {}", directory, e);
        }
    }

    private static boolean probeRabbitMq() {
        ConnectionFactory factory = rabbitMq().connectionFactory();
        factory.setConnectionTimeout(PROBE_TIMEOUT_MILLIS);
        factory.setHandshakeTimeout(PROBE_TIMEOUT_MILLIS);
        try (Connection ignored = factory.newConnection("vidcut-test-probe")) {
            return true;
        } catch (IOException | TimeoutException e) {
            log.debug("RabbitMQ probe failed", e);
            return false;
        }
    }

    public enum Kind {
        RABBITMQ,
        QPID
    }

    /** Connection details of a broker. */
    public record Endpoint(String host, int port, String username, String password, Kind kind, String virtualHost) {

        public ConnectionFactory connectionFactory() {
            ConnectionFactory factory = new ConnectionFactory();
            factory.setHost(host);
            factory.setPort(port);
            factory.setUsername(username);
            factory.setPassword(password);
            factory.setVirtualHost(virtualHost);
            return factory;
        }

        /** The same broker, as the launcher's settings name it. */
        public StandaloneSettings.AmqpEndpoint amqp() {
            return new StandaloneSettings.AmqpEndpoint(host, port, username, password, virtualHost);
        }

        @Override
        public String toString() {
            return kind + " at " + host + ":" + port + ", vhost " + virtualHost;
        }
    }
}
