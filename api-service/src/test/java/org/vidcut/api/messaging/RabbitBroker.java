package org.vidcut.api.messaging;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;

/** The real RabbitMQ of this machine (tests that need it are skipped where it does not run). */
public final class RabbitBroker {

    public static final String HOST = "127.0.0.1";
    public static final int PORT = 5672;

    private RabbitBroker() {}

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
