package org.vidcut.api.task;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /v1/tasks}. Values stay untyped so that each bad value becomes a 422 naming its
 * field instead of a generic "unreadable body" 400.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CreateTaskRequest(
        @JsonProperty("video_id") Object videoId,
        @JsonProperty("start_time") Object startTime,
        @JsonProperty("end_time") Object endTime,
        @JsonProperty("width") Object width,
        @JsonProperty("height") Object height,
        @JsonProperty("format") Object format,
        @JsonProperty("accuracy") Object accuracy) {}
