package org.vidcut.api.events;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A server-sent events client on a plain {@link HttpClient}, as any client would read the stream: it collects the
 * events (name and JSON data) and comment lines in the background until the server ends the stream.
 */
final class EventStream implements AutoCloseable {

    record Event(String name, JsonNode data) {}

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpResponse<Stream<String>> response;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;
    private volatile boolean ended;

    private EventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        this.reader = new Thread(this::read, "sse-test-client");
        reader.setDaemon(true);
        reader.start();
    }

    /** Opens the stream; returns once the response's status and headers are in. */
    static EventStream open(URI uri, String token) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        return new EventStream(HTTP.send(request, HttpResponse.BodyHandlers.ofLines()));
    }

    int status() {
        return response.statusCode();
    }

    HttpHeaders headers() {
        return response.headers();
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    /** The {@code state} of each task event so far, e.g. {@code processing}, {@code done}. */
    List<String> states() {
        return events.stream()
                .map(event -> event.data().get("state").asString())
                .toList();
    }

    List<String> comments() {
        return List.copyOf(comments);
    }

    /** The server ended the stream. */
    boolean ended() {
        return ended;
    }

    /** Every line received so far: the body of an answer that is not a stream (a problem). */
    String text() {
        return String.join("\n", lines);
    }

    private void read() {
        var name = "message";
        try (var body = response.body()) {
            for (var line : (Iterable<String>) body::iterator) {
                lines.add(line);
                if (line.startsWith(":")) {
                    comments.add(line.substring(1));
                } else if (line.startsWith("event:")) {
                    name = line.substring("event:".length()).trim();
                } else if (line.startsWith("data:")) {
                    events.add(new Event(name, JSON.readTree(line.substring("data:".length()))));
                } else if (line.isEmpty()) {
                    name = "message";
                }
            }
        } catch (RuntimeException e) {
            // closed by the test
        }
        ended = true;
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
