package org.vidcut.api.task;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.vidcut.api.video.TrackView;
import org.vidcut.contracts.Accuracy;
import org.vidcut.contracts.OutputFormat;
import org.vidcut.contracts.TrimMethod;

/**
 * A task as clients see it. Times are decimal seconds; {@code width}/{@code height}/{@code duration} are the
 * result's once done, the expected values before.
 *
 * @param queuePosition for a scheduled task, how many tasks (of all users) will be handed to a worker before it in
 *     the fair order, 0 once its job waits in the broker; an estimate, as running jobs end and other users submit;
 *     null in every other state
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
        @JsonProperty("queue_position") @Nullable Long queuePosition,
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
     * @param width the displayed width (rotation and pixel aspect applied)
     * @param method how the result was cut: {@code smart} (the partial GOPs at both ends re-encoded, the rest
     *     copied), {@code reencode} (the whole range re-encoded) or {@code copy} (keyframe to keyframe); null for
     *     results made before this field existed
     */
    public record Result(
            long size,
            double duration,
            @Nullable Integer width,
            @Nullable Integer height,
            @JsonProperty("video_codec") @Nullable String videoCodec,
            @JsonProperty("audio_codec") @Nullable String audioCodec,
            @JsonProperty("start_time") @Nullable Double startTime,
            @JsonProperty("end_time") @Nullable Double endTime,

            @Schema(description = "clockwise degrees players turn the picture by; a keyframe cut keeps the source's")
            @Nullable
            Integer rotation,

            @Schema(description = "the result's picture, sound and subtitle streams") @Nullable
            List<TrackView> tracks,

            @Nullable TrimMethod method) {

        static Result of(TaskResult result) {
            return new Result(
                    result.sizeBytes(),
                    result.durationSeconds(),
                    result.width(),
                    result.height(),
                    result.videoCodec(),
                    result.audioCodec(),
                    result.startSeconds(),
                    result.endSeconds(),
                    result.rotation(),
                    TrackView.of(result.tracks()),
                    result.method());
        }
    }
}
