package org.vidcut.api.compat.conversions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.vidcut.api.auth.Accounts;
import org.vidcut.api.auth.Caller;
import org.vidcut.api.compat.conversions.ConversionMessages.ConversionStarted;
import org.vidcut.api.compat.conversions.ConversionMessages.CreateConversion;
import org.vidcut.api.compat.conversions.ConversionMessages.LoggedIn;
import org.vidcut.api.compat.conversions.ConversionMessages.SignIn;
import org.vidcut.api.compat.conversions.ConversionMessages.SignedUp;
import org.vidcut.api.compat.conversions.ConversionMessages.Signup;
import org.vidcut.api.compat.conversions.ConversionMessages.TaskItem;
import org.vidcut.api.compat.conversions.ConversionMessages.TaskList;
import org.vidcut.api.compat.conversions.ConversionMessages.TaskStatus;
import org.vidcut.api.task.OwnedTasks;
import org.vidcut.api.task.TaskSummary;
import org.vidcut.api.video.Videos;

/** The earlier conversion service's {@code /api}, as its README documents it (seed document 001). */
@RestController
@Tag(name = "compat: /api", description = "The earlier conversion service's API, for its existing clients")
class ConversionController {

    static final String SIGNED_UP = "usuario creado exitosamente";
    static final String LOGGED_IN = "Inicio de sesión exitoso";
    static final String STARTED = "Conversion started";

    private final Accounts accounts;
    private final Videos videos;
    private final OwnedTasks tasks;

    ConversionController(Accounts accounts, Videos videos, OwnedTasks tasks) {
        this.accounts = accounts;
        this.videos = videos;
        this.tasks = tasks;
    }

    @PostMapping(path = "/api/auth/signup", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @SecurityRequirements
    @Operation(summary = "Create a named account (same rules as POST /v1/users)")
    @ApiResponse(responseCode = "409", description = "The username or email is already registered")
    SignedUp signup(@RequestBody Signup signup, HttpServletRequest request) {
        if (signup.password1() != null && !signup.password1().equals(signup.password2())) {
            throw new PasswordsDiffer();
        }
        var account = accounts.register(signup.username(), signup.email(), signup.password1(), request.getRemoteAddr());
        return new SignedUp(SIGNED_UP, account.id());
    }

    @PostMapping(path = "/api/auth/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    @Operation(summary = "Exchange username and password for a token")
    LoggedIn login(@RequestBody SignIn login, HttpServletRequest request) {
        var signedIn = accounts.signIn(login.username(), login.password(), request.getRemoteAddr());
        return new LoggedIn(LOGGED_IN, signedIn.token(), signedIn.userId());
    }

    @GetMapping("/api/tasks")
    @Operation(summary = "All of the caller's tasks, newest first")
    TaskList list(Caller caller) {
        return new TaskList(tasks.all(caller.userId()).stream()
                .map(task -> new TaskItem(task.id(), task.format(), CeleryStates.of(task.state())))
                .toList());
    }

    @PostMapping(path = "/api/tasks", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "apiCreateTaskUpload", summary = "Upload a video (field `file`) and convert it")
    ConversionStarted createFromUpload(
            Caller caller,
            @RequestPart("file") MultipartFile file,
            @RequestParam(name = "conversion_type", required = false) @Nullable String conversionType) {
        var video = videos.upload(caller.userId(), file);
        return started(tasks.create(caller.userId(), video.id(), conversionType, null, null));
    }

    @PostMapping(path = "/api/tasks", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "apiCreateTask", summary = "Convert a video uploaded before (`file` is its id)")
    ConversionStarted create(Caller caller, @RequestBody CreateConversion request) {
        if (request.file() == null || request.file().isBlank()) {
            throw new VideoIdMissing();
        }
        return started(tasks.create(caller.userId(), request.file(), request.conversionType(), null, null));
    }

    @GetMapping("/api/tasks/{id}")
    @Operation(summary = "A task's state and, once it ended, its result")
    TaskStatus get(Caller caller, @PathVariable("id") String id) {
        var task = tasks.get(caller.userId(), id);
        return new TaskStatus(CeleryStates.of(task.state()), result(task));
    }

    @DeleteMapping("/api/tasks/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a task and its result")
    void delete(Caller caller, @PathVariable("id") String id) {
        tasks.delete(caller.userId(), id);
    }

    @GetMapping("/api/download")
    @Operation(summary = "The converted file's bytes (409 until the task succeeded); a single Range is supported")
    @ApiResponse(responseCode = "200", description = "The whole converted file")
    @ApiResponse(responseCode = "409", description = "The task has not succeeded")
    ResponseEntity<StreamingResponseBody> download(
            Caller caller,
            @RequestParam("task_id") String taskId,
            @Parameter(description = "e.g. bytes=0-1023")
                    @RequestHeader(name = HttpHeaders.RANGE, required = false)
                    @Nullable
                    String range) {
        return tasks.content(caller.userId(), taskId, range);
    }

    private static ConversionStarted started(TaskSummary task) {
        return new ConversionStarted(STARTED, task.id());
    }

    /** What the earlier system's Celery task returned: a status text once it succeeded, the reason once it failed. */
    private static @Nullable String result(TaskSummary task) {
        return switch (task.state()) {
            case "done" -> "{'status': 'File saved to " + task.id() + "." + task.format() + "'}";
            case "failed" -> task.error();
            default -> null;
        };
    }
}
