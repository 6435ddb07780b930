package org.vidcut.benchmark;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;

/**
 * What every measurement works with: the running standalone jar, the API client acting as one user, the ffmpeg
 * wrapper log, the generated media, the uploaded 10-minute source, the report, and what earlier measurements
 * found that later ones reuse.
 */
record Session(
        Settings settings,
        StandaloneUnderTest standalone,
        ApiClient api,
        TaskRunner tasks,
        FfmpegSpy spy,
        Media.Generated media,
        JsonNode source,
        Report report,
        Findings findings) {

    static final Duration TASK_TIMEOUT = Duration.ofMinutes(5);

    String sourceId() {
        return source.get("id").asText();
    }

    long pid() {
        return standalone.pid();
    }
}
