package org.vidcut.api.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.vidcut.contracts.Accuracy;
import org.vidcut.contracts.OutputFormat;

/**
 * A task as clients see it. Times are decimal seconds; {@code width}/{@code height}/{@code duration} are the
 * result's once done, the expected values before.
 *
 * @param url a presigned link to the result once the task is done, else null
 * @param error the reason of the latest failure (kept while a retry runs)
 * @param attempts the number of the current attempt
 * @param history every state the task entered, oldest first, with its attempt and time
 */
record TaskView(
        String id,
        @JsonProperty("video_id") String videoId,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        TaskState state,
        double progress,
        URI url,
        Double duration,
        @JsonProperty("start_time") double startTime,
        @JsonProperty("end_time") double endTime,
        Integer width,
        Integer height,
        OutputFormat format,
        Accuracy accuracy,
        String error,
        int attempts,
        List<StateChange> history) {}
