package org.vidcut.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerSentEventsTest {

    private static List<ServerSentEvents.Event> parse(String stream) {
        var parser = new ServerSentEvents();
        var events = new ArrayList<ServerSentEvents.Event>();
        stream.lines().forEach(line -> parser.accept(line).ifPresent(events::add));
        return events;
    }

    @Test
    void readsTaskEventsEndedByABlankLine() {
        var events = parse("""
                event: task
                data: {"id":"t1","state":"processing","progress":40}

                event: task
                data: {"id":"t1","state":"done"}

                """);

        assertThat(events)
                .containsExactly(
                        new ServerSentEvents.Event("task", "{\"id\":\"t1\",\"state\":\"processing\",\"progress\":40}"),
                        new ServerSentEvents.Event("task", "{\"id\":\"t1\",\"state\":\"done\"}"));
    }

    @Test
    void joinsDataLinesAndKeepsTheValueAfterOneSpaceOrNone() {
        var events = parse("""
                event:task
                data:{"id":
                data:  "t1"}

                """);

        assertThat(events).containsExactly(new ServerSentEvents.Event("task", "{\"id\":\n \"t1\"}"));
    }

    @Test
    void ignoresCommentsIdsAndEventsWithoutData() {
        var events = parse("""
                : keep-alive

                id: 7
                retry: 3000
                event: heartbeat

                data: plain

                """);

        assertThat(events).containsExactly(new ServerSentEvents.Event("message", "plain"));
    }

    @Test
    void dispatchesNothingUntilTheBlankLine() {
        var parser = new ServerSentEvents();

        assertThat(parser.accept("event: task")).isEmpty();
        assertThat(parser.accept("data: {}")).isEmpty();
        assertThat(parser.accept("")).contains(new ServerSentEvents.Event("task", "{}"));
        assertThat(parser.accept("")).isEmpty();
    }
}
