package org.vidcut.api.task;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.vidcut.api.auth.Caller;
import org.vidcut.api.idempotency.IdempotentRequests;
import org.vidcut.api.limits.UserLimits;
import org.vidcut.api.storage.ObjectStore;
import org.vidcut.api.web.Created;
import org.vidcut.api.web.PagedResponses;

/** {@code /v1/tasks}: create, list, inspect, restart, delete and download processing tasks. */
@RestController
@RequestMapping("/v1/tasks")
@Tag(name = "tasks", description = "Trim, resize and convert jobs on the caller's videos")
class TaskController {

    private static final int MAX_PAGE_SIZE = PagedResponses.MAX_PAGE_SIZE;
    private static final String ETAG = "changes whenever the task does; send it back in If-None-Match";

    private final TaskService tasks;
    private final ObjectStore objectStore;
    private final UserLimits limits;
    private final IdempotentRequests idempotency;

    TaskController(TaskService tasks, ObjectStore objectStore, UserLimits limits, IdempotentRequests idempotency) {
        this.tasks = tasks;
        this.objectStore = objectStore;
        this.limits = limits;
        this.idempotency = idempotency;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(
            responseCode = "201",
            description = "Created",
            headers =
                    @Header(
                            name = HttpHeaders.LOCATION,
                            description = "the new task's URL",
                            schema = @Schema(type = "string", format = "uri")))
    @ApiResponse(responseCode = "409", description = "A request with the same Idempotency-Key is still in progress")
    @Operation(
            summary = "Create a task",
            description = "Answers 201 as soon as the task is saved; its state is `scheduled` once the broker"
                    + " confirmed the job, else `new` (published again automatically).")
    ResponseEntity<TaskView> create(
            Caller caller,
            @Parameter(description = "repeats of the same key and body within 24 h answer the first response")
                    @RequestHeader(name = IdempotentRequests.HEADER, required = false)
                    @Nullable
                    String idempotencyKey,
            @RequestBody CreateTaskRequest request) {
        return idempotency.once(caller.userId(), idempotencyKey, request, TaskView.class, () -> {
            limits.admitTask(caller.userId());
            var task = tasks.create(caller.userId(), request);
            return Created.at(task.id(), task);
        });
    }

    @GetMapping
    @Operation(summary = "The caller's tasks, newest first; filters `state` and `video_id`")
    ResponseEntity<List<TaskView>> list(
            Caller caller,
            @RequestParam(name = "state", required = false) String state,
            @RequestParam(name = "video_id", required = false) String videoId,
            @RequestParam(name = "page", defaultValue = "0") int page,
            @RequestParam(name = "size", defaultValue = "20") int size) {
        if (page < 0) {
            throw new InvalidTaskRequest("page", "must not be negative");
        }
        if (page > PagedResponses.MAX_PAGE) {
            throw new InvalidTaskRequest("page", "must be at most " + PagedResponses.MAX_PAGE);
        }
        if (size < 1) {
            throw new InvalidTaskRequest("size", "must be at least 1");
        }
        var pageable = PageRequest.of(page, Math.min(size, MAX_PAGE_SIZE));
        return PagedResponses.of(tasks.list(caller.userId(), state, videoId, pageable), Function.identity());
    }

    @GetMapping("/{id}")
    @Operation(
            summary = "One task; `url` links the result once it is done",
            description = "Tagged with a weak `ETag`: `If-None-Match` with it answers 304 without a body while the"
                    + " task is unchanged (and, once done, while its link has at least half its lifetime left).")
    @ApiResponse(
            responseCode = "200",
            description = "The task",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = "string")))
    @ApiResponse(
            responseCode = "304",
            description = "Not modified: the copy the client has is current",
            headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = "string")))
    ResponseEntity<TaskView> get(
            Caller caller,
            @PathVariable("id") String id,
            @Parameter(description = "the ETag of the copy the client has")
                    @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false)
                    @Nullable
                    String ifNoneMatch) {
        var tagged = tasks.get(caller.userId(), id, ifNoneMatch);
        var view = tagged.view();
        if (view == null) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(tagged.etag())
                    .build();
        }
        return ResponseEntity.ok().eTag(tagged.etag()).body(view);
    }

    @RequestMapping(
            path = "/{id}/restart",
            method = {RequestMethod.GET, RequestMethod.POST})
    @Operation(summary = "Restart a failed or canceled task (409 otherwise)")
    @ApiResponse(responseCode = "200", description = "The restarted task, back to scheduled (or new)")
    @ApiResponse(responseCode = "409", description = "The task is neither failed nor canceled")
    TaskView restart(Caller caller, @PathVariable("id") String id) {
        return tasks.restart(caller.userId(), id);
    }

    @PostMapping("/{id}/cancel")
    @Operation(
            summary = "Cancel a new, scheduled or processing task (409 once it has ended)",
            description = "A worker running it stops its ffmpeg within seconds and keeps no result.")
    @ApiResponse(responseCode = "200", description = "The task, now canceled")
    @ApiResponse(responseCode = "409", description = "The task has already ended")
    TaskView cancel(Caller caller, @PathVariable("id") String id) {
        return tasks.cancel(caller.userId(), id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a task and its result; a running task's ffmpeg is stopped")
    ResponseEntity<Void> delete(Caller caller, @PathVariable("id") String id) {
        tasks.delete(caller.userId(), id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/content")
    @Operation(summary = "The result's bytes (409 until done); a single Range is supported")
    @ApiResponse(responseCode = "200", description = "The whole result")
    @ApiResponse(responseCode = "409", description = "The task is not done")
    ResponseEntity<StreamingResponseBody> content(
            Caller caller,
            @PathVariable("id") String id,
            @Parameter(description = "e.g. bytes=0-1023") @RequestHeader(name = HttpHeaders.RANGE, required = false)
                    String range) {
        return tasks.download(caller.userId(), id).stream(objectStore, range);
    }
}
