package org.vidcut.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Task done → webhook received: a receiver on loopback subscribes to {@code task.done}, keyframe trims run, and
 * each delivery's arrival is compared with the {@code done} entry of its task's history (one clock: both run
 * here). The standalone jar runs with private webhook targets allowed, as the receiver is on loopback.
 */
final class WebhookLatency implements Measurement {

    static final Map<String, String> ALLOW_LOOPBACK_TARGETS = Map.of("VIDCUT_WEBHOOKS_ALLOWPRIVATETARGETS", "true");

    private static final String NAME = "task done → webhook received";
    private static final Target TARGET = Target.atMost(100, "ms");

    private final Map<String, CompletableFuture<Instant>> arrivals = new ConcurrentHashMap<>();

    @Override
    public String row() {
        return "webhook";
    }

    @Override
    public void measure(Session session) throws Exception {
        var receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            var received = Instant.now();
            try (exchange) {
                var body = ApiClient.json(new String(exchange.getRequestBody().readAllBytes()));
                arrivals.computeIfAbsent(body.path("data").path("id").asText(), id -> new CompletableFuture<>())
                        .complete(received);
                exchange.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
        try {
            measure(session, "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
        } finally {
            receiver.stop(0);
        }
    }

    private void measure(Session session, String url) throws IOException {
        var created = session.api().createWebhook(url);
        if (created.isEmpty()) {
            session.report()
                    .notMeasured(NAME, TARGET.text(), "the server refused a webhook on loopback or has no webhooks");
            return;
        }
        var request = TaskRequest.trim(session.sourceId(), 60, 90).keyframe();
        var latencies = new ArrayList<Double>();
        int runs = session.settings().keyframeRuns();
        Console.step("webhook latency: %d keyframe trims with a task.done receiver", runs);
        for (int i = 0; i < runs; i++) {
            var run = session.tasks().run(request);
            var arrival = arrivals.computeIfAbsent(run.id(), id -> new CompletableFuture<>());
            try {
                var receivedAt = arrival.get(30, TimeUnit.SECONDS);
                latencies.add((receivedAt.toEpochMilli()
                                - doneAt(session.api().task(run.id())).toEpochMilli())
                        * 1.0);
            } catch (Exception e) {
                session.report().notMeasured(NAME, TARGET.text(), "no delivery within 30 s: " + e);
                return;
            }
        }
        session.report()
                .row(
                        NAME,
                        String.format(Locale.ROOT, "%.0f ms median", Format.median(latencies)),
                        "runs "
                                + latencies.stream()
                                        .map(ms -> String.format(Locale.ROOT, "%.0f", ms))
                                        .toList() + " ms",
                        TARGET,
                        Format.median(latencies));
    }

    private static Instant doneAt(JsonNode task) {
        for (var change : task.path("history")) {
            if ("done".equals(change.path("state").asText())) {
                return Instant.parse(change.path("at").asText());
            }
        }
        throw new IllegalStateException("task " + task.path("id").asText() + " has no done entry in its history");
    }
}
