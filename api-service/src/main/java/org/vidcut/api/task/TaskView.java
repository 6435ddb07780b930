package org.vidcut.api.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.vidcut.contracts.Accuracy;
import org.vidcut.contracts.OutputFormat;

/**
 * A task as clients see it. Times are decimal seconds; {@code width}/{@code height}/{@code duration} are the
 * result's once done, the expected values before.
 *
 * @param url a presigned link to the result once the task is done, else null
 * @param error the reason of the latest failure (kept while a retry runs)
 * @param attempts the number of the current attempt
 * @param result what the result really is once the task is done, else null
 * @param history every state the task entered, oldest first, with its attempt and time
 */
public record TaskView(
        String id,
        @JsonProperty("video_id") String videoId,
        @JsonProperty("created_at") Instant createdAt,
        @JsonProperty("updated_at") Instant updatedAt,
        TaskState state,
        double progress,
        @Nullable URI url,
        @Nullable Double duration,
        @JsonProperty("start_time") double startTime,
        @JsonProperty("end_time") double endTime,
        @Nullable Integer width,
        @Nullable Integer height,
        OutputFormat format,
        Accuracy accuracy,
        @Nullable String error,
        int attempts,
        @Nullable Result result,
        List<StateChange> history) {

    /**
     * What the finished result really is, measured with ffprobe.
     *
     * @param size bytes
     * @param startTime where the cut really begins in the source (a keyframe trim begins at a keyframe)
     * @param endTime where the cut really ends in the source
     */
    public record Result(
            long size,
            double duration,
            @Nullable Integer width,
            @Nullable Integer height,
            @JsonProperty("video_codec") @Nullable String videoCodec,
            @JsonProperty("audio_codec") @Nullable String audioCodec,
            @JsonProperty("start_time") @Nullable Double startTime,
            @JsonProperty("end_time") @Nullable Double endTime) {

        static Result of(TaskResult result) {
            return new Result(
                    result.sizeBytes(),
                    result.durationSeconds(),
                    result.width(),
                    result.height(),
                    result.videoCodec(),
                    result.audioCodec(),
                    result.startSeconds(),
                    result.endSeconds());
        }
    }
}
