package org.vidcut.api.compat.files;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.vidcut.api.auth.Caller;
import org.vidcut.api.compat.files.FileMessages.FileStatus;
import org.vidcut.api.compat.files.FileMessages.Outcome;
import org.vidcut.api.compat.files.FileMessages.Resize;
import org.vidcut.api.compat.files.FileMessages.Uploaded;
import org.vidcut.api.task.OwnedTasks;
import org.vidcut.api.video.Videos;
import org.vidcut.support.storage.StorageUnavailable;

/**
 * The earlier resize service's {@code /file} API (seed document 002), with the variants its own clients used:
 * raw or multipart uploads, JSON, form or multipart resize bodies. A {@code /file} "file" is a video here; a
 * resize is a task on it, so the original stays and the status reports the latest resize.
 */
@RestController
@Tag(name = "compat: /file", description = "The earlier resize service's API, for its existing clients")
class FileController {

    private static final String DEFAULT_FILENAME = "video.mp4";
    /** Enough history to tell whether a resize is running and how the latest finished one ended. */
    private static final int RECENT_TASKS = 20;

    private final Videos videos;
    private final OwnedTasks tasks;

    FileController(Videos videos, OwnedTasks tasks) {
        this.videos = videos;
        this.tasks = tasks;
    }

    @PostMapping(path = "/file/", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "fileUploadMultipart", summary = "Upload a video as multipart field `video` or `file`")
    Uploaded uploadMultipart(
            Caller caller,
            @RequestPart(name = "video", required = false) @Nullable MultipartFile video,
            @RequestPart(name = "file", required = false) @Nullable MultipartFile file) {
        var upload = video != null ? video : file;
        if (upload == null) {
            throw new VideoMissing();
        }
        return new Uploaded(videos.upload(caller.userId(), upload).id());
    }

    @PostMapping(path = "/file/")
    @Operation(operationId = "fileUpload", summary = "Upload a video sent as the request body itself")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            content = {
                @Content(mediaType = "video/*", schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))
            })
    Uploaded upload(Caller caller, HttpServletRequest request) {
        try {
            var filename = filename(request.getHeader(HttpHeaders.CONTENT_DISPOSITION));
            return new Uploaded(
                    videos.upload(caller.userId(), request.getInputStream(), request.getContentType(), filename)
                            .id());
        } catch (IOException e) {
            throw new StorageUnavailable(e);
        }
    }

    @PatchMapping(path = "/file/{id}/", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "fileResize",
            summary = "Start resizing; answers at once, the resize runs in the background")
    Outcome resize(Caller caller, @PathVariable("id") String id, @RequestBody Resize resize) {
        return startResize(caller, id, resize.width(), resize.height());
    }

    @PatchMapping(
            path = "/file/{id}/",
            consumes = {MediaType.APPLICATION_FORM_URLENCODED_VALUE, MediaType.MULTIPART_FORM_DATA_VALUE})
    @Operation(operationId = "fileResizeForm", summary = "Start resizing, with width and height as form fields")
    Outcome resizeForm(
            Caller caller,
            @PathVariable("id") String id,
            @RequestParam(name = "width", required = false) @Nullable String width,
            @RequestParam(name = "height", required = false) @Nullable String height) {
        return startResize(caller, id, width, height);
    }

    @GetMapping("/file/{id}/")
    @Operation(operationId = "fileStatus", summary = "The file and whether a resize is running or how the last ended")
    FileStatus status(Caller caller, @PathVariable("id") String id) {
        var video = videos.get(caller.userId(), id);
        var recent = tasks.latestOf(caller.userId(), id, RECENT_TASKS);
        boolean processing = recent.stream().anyMatch(task -> isActive(task.state()));
        Boolean success = recent.stream()
                .filter(task -> !isActive(task.state()))
                .findFirst()
                .map(task -> task.state().equals("done"))
                .orElse(null);
        return new FileStatus(video.id(), video.filename(), processing, success);
    }

    @DeleteMapping("/file/{id}/")
    @Operation(operationId = "fileDelete", summary = "Delete the file with its resizes")
    Outcome delete(Caller caller, @PathVariable("id") String id) {
        videos.delete(caller.userId(), id);
        return new Outcome(true);
    }

    private Outcome startResize(Caller caller, String id, @Nullable Object width, @Nullable Object height) {
        int w = dimension("width", width);
        int h = dimension("height", height);
        tasks.create(caller.userId(), id, null, w, h);
        return new Outcome(true);
    }

    private static boolean isActive(String state) {
        return state.equals("new") || state.equals("scheduled") || state.equals("processing");
    }

    static int dimension(String field, @Nullable Object value) {
        BigDecimal number;
        try {
            number = value instanceof Number n
                    ? new BigDecimal(n.toString())
                    : new BigDecimal(String.valueOf(value).strip());
        } catch (NumberFormatException e) {
            throw new InvalidDimension(field);
        }
        if (value == null
                || number.signum() <= 0
                || number.stripTrailingZeros().scale() > 0
                || number.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new InvalidDimension(field);
        }
        int pixels = number.intValueExact();
        if (pixels <= 20 || pixels % 2 != 0) {
            throw new InvalidDimension(field);
        }
        return pixels;
    }

    private static String filename(@Nullable String contentDisposition) {
        if (contentDisposition != null) {
            try {
                var name = ContentDisposition.parse(contentDisposition).getFilename();
                if (name != null && !name.isBlank()) {
                    return name;
                }
            } catch (IllegalArgumentException e) {
                return DEFAULT_FILENAME;
            }
        }
        return DEFAULT_FILENAME;
    }
}
