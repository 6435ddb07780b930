package org.vidcut.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A line-by-line reader of {@code text/event-stream} (the WHATWG "server-sent events" format): {@code event:} names
 * the event, {@code data:} lines are joined with newlines, a blank line ends the event, lines starting with
 * {@code :} are comments (keep-alives). One space after the colon is not part of the value.
 */
final class ServerSentEvents {

    record Event(String name, String data) {}

    private String name = "";
    private final List<String> data = new ArrayList<>();

    /** Feeds one line (without its line break); returns the event it completes, if any. */
    Optional<Event> accept(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.startsWith(":")) {
            return Optional.empty();
        }
        int colon = line.indexOf(':');
        var field = colon < 0 ? line : line.substring(0, colon);
        var value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> name = value;
            case "data" -> data.add(value);
            default -> {
                // id and retry: the benchmark neither reconnects nor resumes
            }
        }
        return Optional.empty();
    }

    /** An event without {@code data:} is not dispatched (as in browsers); its name is forgotten. */
    private Optional<Event> dispatch() {
        Optional<Event> event = data.isEmpty()
                ? Optional.empty()
                : Optional.of(new Event(name.isEmpty() ? "message" : name, String.join("\n", data)));
        name = "";
        data.clear();
        return event;
    }
}
