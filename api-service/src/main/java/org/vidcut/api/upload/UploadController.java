package org.vidcut.api.upload;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.vidcut.api.auth.Caller;
import org.vidcut.api.idempotency.IdempotentRequests;
import org.vidcut.api.video.VideoView;
import org.vidcut.api.web.Created;

/** {@code /v1/uploads}: large files sent in parts straight to the object store, resumable. */
@RestController
@RequestMapping("/v1/uploads")
@Tag(name = "uploads", description = "Direct, resumable uploads through presigned S3 multipart links")
class UploadController {

    private final UploadService uploads;
    private final IdempotentRequests idempotency;

    UploadController(UploadService uploads, IdempotentRequests idempotency) {
        this.uploads = uploads;
        this.idempotency = idempotency;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "Started: PUT each part to its url, then complete")
    @ApiResponse(responseCode = "409", description = "A request with the same Idempotency-Key is still in progress")
    @ApiResponse(responseCode = "413", description = "The size is above the upload limit")
    @Operation(
            summary = "Start a direct upload",
            description = "Answers presigned PUT links, one per part of `part_size` bytes (the last holds the rest)."
                    + " The declared size counts against the storage quota until the upload ends.")
    ResponseEntity<NewUpload> create(
            Caller caller,
            @Parameter(description = "repeats of the same key and body within 24 h answer the first response")
                    @RequestHeader(name = IdempotentRequests.HEADER, required = false)
                    @Nullable
                    String idempotencyKey,
            @RequestBody CreateUploadRequest request) {
        return idempotency.once(caller.userId(), idempotencyKey, request, NewUpload.class, () -> {
            var upload = uploads.start(caller.userId(), request);
            return Created.at(upload.id(), upload);
        });
    }

    @GetMapping("/{id}")
    @Operation(summary = "One upload with the parts the store holds; re-send the missing ones")
    UploadStatus get(Caller caller, @PathVariable("id") String id) {
        return uploads.status(caller.userId(), id);
    }

    @PostMapping("/{id}/complete")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Join the parts into a video, probed as any upload",
            description = "Not a video: 422 and nothing stays stored. Missing or mis-sized parts: 409, the upload"
                    + " stays open.")
    @ApiResponse(responseCode = "201", description = "The new video")
    @ApiResponse(responseCode = "409", description = "Parts missing, or the upload is not open")
    VideoView complete(
            Caller caller,
            @PathVariable("id") String id,
            @RequestBody(required = false) @Nullable CompleteUploadRequest request) {
        return uploads.complete(caller.userId(), id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Abort an upload and remove its parts")
    @ApiResponse(responseCode = "409", description = "The upload is completed: delete the video instead")
    ResponseEntity<Void> delete(Caller caller, @PathVariable("id") String id) {
        uploads.abort(caller.userId(), id);
        return ResponseEntity.noContent().build();
    }
}
