package org.vidcut.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against a stub of the three endpoints the runner uses: POST /v1/tasks, its event stream and GET /v1/tasks/{id}. */
class TaskRunnerTest {

    private final HttpServer server = server();
    private final AtomicInteger statusRequests = new AtomicInteger();
    private int eventsStatus = 200;
    private String events = "";
    private String taskView = "{\"id\":\"t1\",\"state\":\"done\"}";
    private final CountDownLatch streamMayEnd = new CountDownLatch(1);
    private boolean streamStaysOpen;

    private static HttpServer server() {
        try {
            return HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private TaskRunner runner() {
        return runner(Duration.ofSeconds(10));
    }

    private TaskRunner runner(Duration timeout) {
        server.createContext("/v1/tasks", exchange -> {
            var path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("POST")) {
                reply(exchange, 201, "application/json", "{\"id\":\"t1\",\"state\":\"new\"}");
            } else if (path.endsWith("/events") && streamStaysOpen) {
                exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
                exchange.sendResponseHeaders(200, 0);
                exchange.getResponseBody().write(events.getBytes(StandardCharsets.UTF_8));
                exchange.getResponseBody().flush();
                awaitQuietly(streamMayEnd);
                exchange.close();
            } else if (path.endsWith("/events")) {
                reply(exchange, eventsStatus, "text/event-stream", events);
            } else {
                statusRequests.incrementAndGet();
                reply(exchange, 200, "application/json", taskView);
            }
        });
        server.start();
        var api = new ApiClient(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
        return new TaskRunner(api, Duration.ofMillis(1), timeout);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void reply(HttpExchange exchange, int status, String type, String body) throws IOException {
        var bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @AfterEach
    void stop() {
        streamMayEnd.countDown();
        server.stop(0);
    }

    @Test
    void waitsOnTheEventStreamWithoutStatusRequests() {
        events = """
                : connected

                event: task
                data: {"id":"t1","state":"processing","progress":50}

                event: task
                data: {"id":"t1","state":"done","result":{"method":"copy"}}

                """;
        try (var runner = runner()) {
            var run = runner.run(TaskRequest.trim("v1", 60, 90).keyframe());

            assertThat(run.events()).isEqualTo(2);
            assertThat(run.statusRequests()).isZero();
            assertThat(run.task().path("result").path("method").asText()).isEqualTo("copy");
            assertThat(runner.channel()).isEqualTo("task event stream");
        }
        assertThat(statusRequests).hasValue(0);
    }

    @Test
    void pollsWhenTheServerHasNoEventStream() {
        eventsStatus = 404;
        events = "{\"error\":\"not found\",\"status\":404}";
        try (var runner = runner()) {
            var first = runner.run(TaskRequest.trim("v1", 60, 90).keyframe());
            var second = runner.run(TaskRequest.trim("v1", 60, 90).keyframe());

            assertThat(first.statusRequests()).isEqualTo(1);
            assertThat(second.events()).isZero();
            assertThat(runner.streaming()).isFalse();
            assertThat(runner.channel()).contains("polls").contains("answered 404");
        }
    }

    @Test
    void pollsForTheRestWhenTheStreamEndsBeforeATerminalState() {
        events = """
                event: task
                data: {"id":"t1","state":"processing"}

                """;
        try (var runner = runner()) {
            var run = runner.run(TaskRequest.trim("v1", 60, 90).keyframe());

            assertThat(run.events()).isEqualTo(1);
            assertThat(run.statusRequests()).isEqualTo(1);
        }
    }

    @Test
    void aTaskThatNeverEndsTimesOutWhileItsStreamStaysOpen() {
        streamStaysOpen = true;
        events = """
                event: task
                data: {"id":"t1","state":"processing"}

                """;
        try (var runner = runner(Duration.ofSeconds(2))) {
            assertThatThrownBy(() -> runner.run(TaskRequest.trim("v1", 60, 90).exact()))
                    .hasMessageContaining("not done after PT2S");
        }
    }

    @Test
    void aFailedTaskEndsTheMeasurementWithAnError() {
        events = """
                event: task
                data: {"id":"t1","state":"failed","error":"no video stream"}

                """;
        try (var runner = runner()) {
            assertThatThrownBy(() -> runner.run(TaskRequest.trim("v1", 60, 90).exact()))
                    .hasMessageContaining("failed")
                    .hasMessageContaining("no video stream");
        }
    }
}
