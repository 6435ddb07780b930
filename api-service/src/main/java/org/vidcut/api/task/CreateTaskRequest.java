package org.vidcut.api.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code POST /v1/tasks}. Values stay untyped so that each bad value becomes a 422 naming its
 * field instead of a generic "unreadable body" 400.
 */
record CreateTaskRequest(
        @Schema(
                type = "string",
                requiredMode = Schema.RequiredMode.REQUIRED,
                description = "one of your videos",
                example = "replace with the id of one of your videos")
        @JsonProperty("video_id")
        Object videoId,

        @Schema(
                oneOf = {Double.class, String.class},
                example = "00:00:01.500",
                description = TIME + " Default 0. For a still frame: the time of the picture.")
        @JsonProperty("start_time")
        Object startTime,

        @Schema(
                oneOf = {Double.class, String.class},
                example = "4",
                description = TIME + " Default: the video's end. Refused with a still frame (jpg, png, webp).")
        @JsonProperty("end_time")
        Object endTime,

        @Schema(type = "integer", example = "640", description = DIMENSION + " 7680.") @JsonProperty("width")
        Object width,

        @Schema(type = "integer", example = "360", description = DIMENSION + " 4320.") @JsonProperty("height")
        Object height,

        @Schema(
                type = "string",
                allowableValues = {"mp4", "webm", "mkv", "mov", "gif", "mp3", "jpg", "png", "webp"},
                example = "mp4",
                description = "Default: the source's format. jpg, png and webp are still frames: one picture at"
                        + " start_time, optionally resized.")
        @JsonProperty("format")
        Object format,

        @Schema(
                type = "string",
                allowableValues = {"keyframe", "exact"},
                example = "exact",
                description = "keyframe: stream copy, cut on keyframes, refused when the task re-encodes"
                        + " anyway and for still frames. exact: frame-accurate; a trim-only task of an H.264 source"
                        + " re-encodes only the partial GOPs at both ends (result.method says which path ran)."
                        + " Default exact.")
        @JsonProperty("accuracy")
        Object accuracy) {

    static final String TIME = "Seconds as a number (12.5) or a string \"HH:MM:SS(.mmm)\" or \"SS.mmm\".";
    static final String DIMENSION =
            "Even number of pixels; alone, the other side keeps the aspect ratio. More than 20, at most";
}
