package org.vidcut.api.events;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.function.Consumer;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.vidcut.api.auth.Caller;
import org.vidcut.api.task.TaskSnapshots;
import org.vidcut.api.task.TaskView;

/** Server-sent events of the caller's tasks: pushed instead of polled. */
@RestController
// Both streams answer the same way.
@ApiResponse(
        responseCode = "200",
        description = "The event stream",
        content =
                @Content(
                        mediaType = MediaType.TEXT_EVENT_STREAM_VALUE,
                        schema = @Schema(implementation = TaskView.class)))
@Tag(name = "tasks", description = "Trim, resize and convert jobs on the caller's videos")
class EventStreamController {

    private static final String STREAM = "Each event is `event: task` with `data:` the task as `GET /v1/tasks/{id}`"
            + " answers it; comment lines keep the connection alive.";

    private final TaskStreams streams;
    private final TaskSnapshots snapshots;

    EventStreamController(TaskStreams streams, TaskSnapshots snapshots) {
        this.streams = streams;
        this.snapshots = snapshots;
    }

    @GetMapping(path = "/v1/tasks/{id}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            operationId = "streamTaskEvents",
            summary = "The task's changes as server-sent events",
            description = "Sends the task at once, then every change of its state or progress; the stream ends after"
                    + " the task is done, failed or canceled, or deleted. " + STREAM)
    SseEmitter task(Caller caller, @PathVariable("id") String id) {
        return opened(streams.open(caller.userId(), id), stream -> stream.send(snapshots.get(caller.userId(), id)));
    }

    @GetMapping(path = "/v1/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(
            operationId = "streamAllTaskEvents",
            summary = "Changes of all the caller's tasks as server-sent events",
            description = "Sends the caller's new, scheduled and processing tasks at once (the newest "
                    + TaskSnapshots.MAX_UNFINISHED + "), then every change of any of the caller's tasks. " + STREAM)
    SseEmitter all(Caller caller) {
        return opened(
                streams.open(caller.userId(), null),
                stream -> snapshots.unfinished(caller.userId()).forEach(stream::send));
    }

    /** Sends the stream's first events; when they cannot be read the stream is closed and the error answers. */
    private static SseEmitter opened(TaskStream stream, Consumer<TaskStream> first) {
        try {
            first.accept(stream);
        } catch (RuntimeException e) {
            stream.complete();
            throw e;
        }
        return stream.emitter();
    }
}
