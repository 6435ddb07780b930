package org.vidcut.api.task;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.vidcut.contracts.Operations;

/**
 * One task as stored. It is never changed in place: every change is a compare-and-set update on (id, attempt,
 * state) that {@link TaskRepository#transition} derives from {@link TaskTransitions}' table, because the MongoDB
 * stand-in has no transactions and several api replicas consume events at once.
 *
 * @param videoFilename kept so that the download can be named after the original
 * @param attempt the current attempt number, from 1; events of other attempts are stale
 * @param runFirstAttempt the first attempt of the current run (the create or the latest restart): retries are
 *     counted from it
 * @param error the reason of the latest failure; kept while a retry runs
 * @param nextPublishAt outbox: when a NEW task is due to join the fair queue, or when a job handed to the broker
 *     without a confirm is due to be published again
 * @param queuedAt when the task joined the fair queue as SCHEDULED: its turn among its owner's tasks
 * @param handedOutAt when the fair dispatcher handed its job to the broker; absent while it waits its turn
 * @param history every state entered, oldest first; appended by the same update that changes the state
 * @param version incremented by every update: a cheap change marker for clients
 * @see TaskIndexes
 */
@Document("tasks")
record TaskDocument(
        @Id String id,
        @Field("owner_id") String ownerId,
        @Field("video_id") String videoId,
        @Field("video_filename") String videoFilename,
        @Field("source_object_key") String sourceObjectKey,
        @Field("source_duration_seconds") double sourceDurationSeconds,
        @Field("source_width") Integer sourceWidth,
        @Field("source_height") Integer sourceHeight,
        TaskState state,
        int attempt,
        @Field("run_first_attempt") int runFirstAttempt,
        double progress,
        RequestedParams requested,
        Operations operations,
        TaskResult result,
        String error,
        @Field("created_at") Instant createdAt,
        @Field("updated_at") Instant updatedAt,
        @Field("next_publish_at") Instant nextPublishAt,
        @Field("last_heartbeat_at") Instant lastHeartbeatAt,
        @Field("queued_at") Instant queuedAt,
        @Field("handed_out_at") Instant handedOutAt,
        List<StateChange> history,
        Long version) {

    TaskDocument {
        history = history == null ? List.of() : List.copyOf(history);
    }

    /** SCHEDULED and waiting for the fair dispatcher, not yet handed to the broker. */
    boolean waiting() {
        return state == TaskState.SCHEDULED && handedOutAt == null;
    }

    /** Attempts made in the current run, the current one included. */
    int attemptsInRun() {
        return attempt - runFirstAttempt + 1;
    }

    String currentResultObjectKey() {
        return resultObjectKeyFor(attempt);
    }

    String resultObjectKeyFor(int attemptNumber) {
        return resultPrefix() + attemptNumber + "." + operations.format().fileExtension();
    }

    /** All result objects of this task live under this prefix. */
    String resultPrefix() {
        return "results/" + ownerId + "/" + id + "/";
    }
}
