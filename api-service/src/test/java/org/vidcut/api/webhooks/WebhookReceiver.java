package org.vidcut.api.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook endpoint for tests on 127.0.0.1 (JDK HTTP server): records every request to {@code /hook} and answers
 * 500 to the next {@link #failNext} ones, 204 to the others. {@code /moved} redirects to {@code /hook}.
 */
final class WebhookReceiver implements AutoCloseable {

    /** One request as received, with what the receiver answered. */
    record Received(String id, String timestamp, String signature, String body, int answered) {}

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresLeft = new AtomicInteger();

    /** Starts a receiver on a free port, failing the test class if the JDK server cannot bind. */
    static WebhookReceiver start() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", this::hook);
        server.createContext("/moved", exchange -> {
            exchange.getResponseHeaders().add("Location", url());
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    String movedUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/moved";
    }

    int port() {
        return server.getAddress().getPort();
    }

    void failNext(int times) {
        failuresLeft.set(times);
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    private void hook(HttpExchange exchange) throws IOException {
        var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int status = failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 204;
        var headers = exchange.getRequestHeaders();
        received.add(new Received(
                String.valueOf(headers.getFirst("webhook-id")),
                String.valueOf(headers.getFirst("webhook-timestamp")),
                String.valueOf(headers.getFirst("webhook-signature")),
                body,
                status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
