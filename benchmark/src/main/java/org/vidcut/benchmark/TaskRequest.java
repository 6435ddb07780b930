package org.vidcut.benchmark;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code POST /v1/tasks}, built by name instead of positional nulls:
 * {@code TaskRequest.trim(videoId, 60, 90).keyframe()}. Fields left unset are left out of the JSON.
 */
final class TaskRequest {

    private final Map<String, Object> body = new LinkedHashMap<>();

    private TaskRequest(String videoId, double start, double end) {
        body.put("video_id", videoId);
        body.put("start_time", start);
        body.put("end_time", end);
    }

    static TaskRequest trim(String videoId, double start, double end) {
        return new TaskRequest(videoId, start, end);
    }

    TaskRequest keyframe() {
        body.put("accuracy", "keyframe");
        return this;
    }

    TaskRequest exact() {
        body.put("accuracy", "exact");
        return this;
    }

    TaskRequest resize(int width, int height) {
        body.put("width", width);
        body.put("height", height);
        return this;
    }

    TaskRequest format(String format) {
        body.put("format", format);
        return this;
    }

    Map<String, Object> body() {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(body));
    }

    @Override
    public String toString() {
        return body.toString();
    }
}
