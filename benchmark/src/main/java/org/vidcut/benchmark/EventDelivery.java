package org.vidcut.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * CPU of the service per event delivered on the event streams: {@value #STREAMS} streams on {@code GET /v1/events}
 * stay open while {@value #TASKS} short keyframe trims (0-1 s) run. The CPU of the threads that carry task changes
 * to the streams (the relay: one read of the changed task, its JSON, one write per waiting stream and the
 * announcement to the other replicas; and the consumer of those announcements) is divided by the events the streams
 * received. The tasks' own work (POST, worker, ffmpeg) is in the details, not in the figure.
 */
final class EventDelivery implements Measurement {

    static final Target SERVICE_CPU = Target.atMost(0.25, "ms", "≤ 0.25 ms (a status request's budget)");

    private static final String NAME = "event streams: CPU of the service per event delivered (relay threads)";
    private static final int STREAMS = 4;
    private static final int TASKS = 30;

    @Override
    public String row() {
        return "events";
    }

    @Override
    public void measure(Session session) throws InterruptedException {
        if (!session.tasks().streaming()) {
            session.report().notMeasured(NAME, SERVICE_CPU.text(), "the server has no task event stream");
            return;
        }
        Console.step("event streams: %d streams on GET /v1/events while %d short keyframe trims run", STREAMS, TASKS);
        var listeners = new ArrayList<Listener>();
        try {
            for (int i = 0; i < STREAMS; i++) {
                listeners.add(Listener.open(session.api()));
            }
            var request = TaskRequest.trim(session.sourceId(), 0, 1).keyframe();
            var before = ThreadCpu.take(session.pid());
            var ids = new HashSet<String>();
            for (int i = 0; i < TASKS; i++) {
                ids.add(session.api().createTask(request).get("id").asText());
            }
            for (var listener : listeners) {
                listener.awaitDone(ids, Session.TASK_TIMEOUT);
            }
            var cpu = ThreadCpu.take(session.pid()).since(before);
            long events = listeners.stream().mapToLong(l -> l.eventsOf(ids)).sum();
            report(session, cpu, events);
        } finally {
            listeners.forEach(Listener::close);
        }
    }

    private static void report(Session session, ThreadCpu.Split cpu, long events) {
        double perEvent = 1000 * cpu.events() / Math.max(1, events);
        session.report()
                .row(
                        NAME,
                        Format.millis(perEvent),
                        String.format(
                                Locale.ROOT,
                                "%d events to %d streams (%.1f changes per task); relay and consumer %.3f s of CPU",
                                events,
                                STREAMS,
                                events / (double) STREAMS / TASKS,
                                cpu.events()),
                        SERVICE_CPU,
                        perEvent);
        session.report()
                .detail(
                        "event streams: while %d tasks ran and %d events reached %d streams, the service used %.3f s"
                                + " of CPU (%.3f s in Tomcat threads: the POSTs; %.3f s carrying the events; the rest"
                                + " is the tasks' own work), the stand-ins %.3f s, the JVM's own threads %.3f s",
                        TASKS, events, STREAMS, cpu.service(), cpu.http(), cpu.events(), cpu.standIns(), cpu.jvm());
    }

    /** One open stream of all the user's tasks: which task events it received, and which tasks it saw done. */
    private static final class Listener {

        private final HttpResponse<Stream<String>> response;
        private final List<String> eventTaskIds = new ArrayList<>();
        private final Set<String> done = new HashSet<>();
        private boolean ended;

        private Listener(HttpResponse<Stream<String>> response) {
            this.response = response;
        }

        static Listener open(ApiClient api) {
            var response = api.openAllEvents();
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IllegalStateException("GET /v1/events answered " + response.statusCode());
            }
            var listener = new Listener(response);
            var reader = new Thread(listener::read, "all-events-reader");
            reader.setDaemon(true);
            reader.start();
            return listener;
        }

        private void read() {
            var parser = new ServerSentEvents();
            try {
                response.body()
                        .forEach(line -> parser.accept(line)
                                .filter(event -> event.name().equals("task"))
                                .ifPresent(event -> received(ApiClient.json(event.data()))));
            } catch (UncheckedIOException e) {
                // the stream was closed at the end of the measurement
            } finally {
                synchronized (this) {
                    ended = true;
                    notifyAll();
                }
            }
        }

        private synchronized void received(JsonNode task) {
            var id = task.path("id").asText();
            eventTaskIds.add(id);
            if (task.path("state").asText().equalsIgnoreCase("done")) {
                done.add(id);
            }
            notifyAll();
        }

        synchronized void awaitDone(Set<String> ids, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!done.containsAll(ids)) {
                long left = deadline - System.nanoTime();
                if (ended || left <= 0) {
                    throw new IllegalStateException("GET /v1/events showed " + done.size() + " of " + ids.size()
                            + " tasks done" + (ended ? " before it ended" : " after " + timeout));
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }

        synchronized long eventsOf(Set<String> ids) {
            return eventTaskIds.stream().filter(ids::contains).count();
        }

        void close() {
            response.body().close();
        }
    }
}
