package org.vidcut.api.messaging;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

/** The real RabbitMQ of this machine (tests that need it are skipped where it does not run). */
public final class RabbitBroker {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5672;

    private static String virtualHost;

    private RabbitBroker() {}

    /**
     * A vhost of this test JVM's own, so that what the tests declare never meets another run's declarations or
     * those an older version left on {@code /} (a classic queue cannot be redeclared as a quorum queue); deleted
     * when the JVM exits. {@code /} where {@code rabbitmqctl} is not at hand.
     */
    public static synchronized String virtualHost() {
        if (virtualHost == null) {
            var own = "vidcut-api-test-" + UUID.randomUUID().toString().substring(0, 8);
            if (rabbitmqctl("add_vhost", own) && rabbitmqctl("set_permissions", "-p", own, "guest", ".*", ".*", ".*")) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> rabbitmqctl("delete_vhost", own)));
                virtualHost = own;
            } else {
                virtualHost = "/";
            }
        }
        return virtualHost;
    }

    private static boolean rabbitmqctl(String... arguments) {
        var command = new ArrayList<String>(List.of("rabbitmqctl"));
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

    public static boolean reachable() {
        try (var socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, PORT), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A connection factory set up like the api's: correlated publisher confirms and returns. */
    public static CachingConnectionFactory connectionFactory(int port) {
        var factory = new CachingConnectionFactory(HOST, port);
        factory.setUsername("guest");
        factory.setPassword("guest");
        factory.setVirtualHost(port == PORT ? virtualHost() : "/");
        factory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        factory.setPublisherReturns(true);
        factory.setConnectionTimeout(2_000);
        return factory;
    }

    /** A port nothing listens on. */
    public static int closedPort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
