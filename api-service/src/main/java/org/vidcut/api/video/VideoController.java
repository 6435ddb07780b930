package org.vidcut.api.video;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.vidcut.api.auth.Caller;
import org.vidcut.api.web.PagedResponses;

/** The caller's uploaded originals. */
@RestController
@Tag(name = "videos", description = "Uploaded originals")
class VideoController {

    private final VideoService videos;

    VideoController(VideoService videos) {
        this.videos = videos;
    }

    @PostMapping(path = "/v1/videos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a video", description = "Multipart field `file`; probed with ffprobe.")
    VideoView upload(Caller caller, @RequestPart("file") MultipartFile file) {
        return videos.upload(caller.userId(), file);
    }

    @GetMapping("/v1/videos")
    @Operation(summary = "The caller's videos, newest first")
    ResponseEntity<List<VideoView>> list(
            Caller caller,
            @RequestParam(defaultValue = "0") @Min(0) @Max(PagedResponses.MAX_PAGE) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(PagedResponses.MAX_PAGE_SIZE) int size) {
        return PagedResponses.of(videos.list(caller.userId(), page, size), videos::view);
    }

    @GetMapping("/v1/videos/{id}")
    @Operation(summary = "One video")
    VideoView get(Caller caller, @PathVariable String id) {
        return videos.get(caller.userId(), id);
    }

    @DeleteMapping("/v1/videos/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a video with its tasks and their results")
    void delete(Caller caller, @PathVariable String id) {
        videos.delete(caller.userId(), id);
    }

    @GetMapping("/v1/videos/{id}/content")
    @Operation(summary = "The original's bytes; a single Range is supported")
    ResponseEntity<StreamingResponseBody> content(
            Caller caller,
            @PathVariable String id,
            @Parameter(description = "e.g. bytes=0-1023")
                    @RequestHeader(name = HttpHeaders.RANGE, required = false)
                    @Nullable
                    String range) {
        return videos.content(caller.userId(), id, range);
    }
}
