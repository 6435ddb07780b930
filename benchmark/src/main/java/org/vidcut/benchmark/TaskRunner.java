package org.vidcut.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Creates a task and waits until it is {@code done}, the way a client should: on the task's event stream
 * ({@code GET /v1/tasks/{id}/events}, DESIGN.md "Push instead of polling"), so that waiting costs the service one
 * stream instead of dozens of status requests that would be charged to the task being measured. A server without
 * the stream (404 or 405) is polled every {@code pollEvery} instead, and the report says so.
 */
final class TaskRunner implements AutoCloseable {

    private static final Set<Integer> NO_EVENTS = Set.of(404, 405);

    /** A finished task, how long it took from sending the POST until the client saw it done, and at what cost. */
    record TaskRun(String id, long nanos, long postedAtEpochMillis, int statusRequests, int events, JsonNode task) {
        double seconds() {
            return nanos / 1e9;
        }
    }

    private final ApiClient api;
    private final Duration pollEvery;
    private final Duration timeout;
    /** Reads the streams, so that a task that never ends times out instead of blocking the benchmark. */
    private final ExecutorService readers = Executors.newCachedThreadPool(runnable -> {
        var thread = new Thread(runnable, "event-stream-reader");
        thread.setDaemon(true);
        return thread;
    });

    private String eventsUnavailable;

    TaskRunner(ApiClient api, Duration pollEvery, Duration timeout) {
        this.api = api;
        this.pollEvery = pollEvery;
        this.timeout = timeout;
    }

    /** How completion is observed, for the report: the stream, or why the benchmark fell back to polling. */
    String channel() {
        return eventsUnavailable == null
                ? "task event stream"
                : String.format(Locale.ROOT, "%d ms polls (%s)", pollEvery.toMillis(), eventsUnavailable);
    }

    boolean streaming() {
        return eventsUnavailable == null;
    }

    /** Creates the task and waits for {@code done}; a failed or canceled task is an error. */
    TaskRun run(TaskRequest request) {
        long postedAt = System.currentTimeMillis();
        long start = System.nanoTime();
        var id = api.createTask(request).get("id").asText();
        var counts = new int[2];
        Seen done = streaming() ? awaitOnStream(id, start, counts) : null;
        if (done == null) {
            done = poll(id, start, counts);
        }
        return new TaskRun(id, done.atNanos() - start, postedAt, counts[0], counts[1], done.task());
    }

    /** The terminal task view and when the client saw it. */
    private record Seen(JsonNode task, long atNanos) {}

    /** The {@code done} task, or null when there is no stream or it ended before a terminal state. */
    private Seen awaitOnStream(String id, long start, int[] counts) {
        var response = api.openEvents(id);
        if (NO_EVENTS.contains(response.statusCode())) {
            response.body().close();
            eventsUnavailable = "GET /v1/tasks/{id}/events answered " + response.statusCode();
            Console.step("no task event stream (%s): waiting by polling", eventsUnavailable);
            return null;
        }
        if (response.statusCode() != 200) {
            response.body().close();
            throw new IllegalStateException("GET /v1/tasks/" + id + "/events answered " + response.statusCode());
        }
        var lines = response.body();
        Future<Seen> reader = readers.submit(() -> readUntilTerminal(id, lines, counts));
        try {
            return reader.get(timeout.toNanos() - (System.nanoTime() - start), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            reader.cancel(true);
            throw new IllegalStateException("task " + id + " not done after " + timeout, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            lines.close();
        }
    }

    private static Seen readUntilTerminal(String id, Stream<String> lines, int[] counts) {
        var parser = new ServerSentEvents();
        var iterator = lines.iterator();
        while (iterator.hasNext()) {
            var event = parser.accept(iterator.next());
            if (event.isEmpty() || !event.get().name().equals("task")) {
                continue;
            }
            long at = System.nanoTime();
            counts[1]++;
            var task = ApiClient.json(event.get().data());
            if (terminal(id, task)) {
                return new Seen(task, at);
            }
        }
        return null;
    }

    private Seen poll(String id, long start, int[] counts) {
        while (true) {
            var task = api.task(id);
            long at = System.nanoTime();
            counts[0]++;
            if (terminal(id, task)) {
                return new Seen(task, at);
            }
            if (at - start > timeout.toNanos()) {
                throw new IllegalStateException("task " + id + " not done after " + timeout + ": " + task);
            }
            try {
                Thread.sleep(pollEvery.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** True for {@code done}; {@code failed} and {@code canceled} end the measurement with an error. */
    private static boolean terminal(String id, JsonNode task) {
        var state = task.path("state").asText().toLowerCase(Locale.ROOT);
        if (state.equals("failed") || state.equals("canceled")) {
            throw new IllegalStateException("task " + id + " " + state + ": " + task);
        }
        return state.equals("done");
    }

    @Override
    public void close() {
        readers.shutdownNow();
    }
}
