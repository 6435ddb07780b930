package org.vidcut.api.task;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.mapping.Field;
import org.springframework.data.mongodb.core.query.Update;
import org.vidcut.contracts.Operations;

/**
 * One task as stored. Changes driven by worker events are compare-and-set updates on (id, attempt, state), not
 * read-modify-write, because the MongoDB stand-in has no transactions and several api replicas may consume
 * events at once.
 */
@Document("tasks")
@CompoundIndex(name = "owner_created", def = "{'owner_id': 1, 'created_at': -1}")
@CompoundIndex(name = "outbox", def = "{'state': 1, 'next_publish_at': 1}")
@CompoundIndex(name = "heartbeats", def = "{'state': 1, 'last_heartbeat_at': 1}")
@CompoundIndex(name = "owner_video", def = "{'owner_id': 1, 'video_id': 1}")
class TaskDocument {

    @Id
    private String id;

    @Field("owner_id")
    private String ownerId;

    @Field("video_id")
    private String videoId;

    /** Kept so that the download can be named after the original. */
    @Field("video_filename")
    private String videoFilename;

    @Field("source_object_key")
    private String sourceObjectKey;

    @Field("source_duration_seconds")
    private double sourceDurationSeconds;

    @Field("source_width")
    private Integer sourceWidth;

    @Field("source_height")
    private Integer sourceHeight;

    private TaskState state;

    /** The current attempt number, from 1; events of other attempts are stale. */
    private int attempt;

    /** The first attempt of the current run (the create or the latest restart): retries are counted from it. */
    @Field("run_first_attempt")
    private int runFirstAttempt;

    private double progress;

    private RequestedParams requested;

    private Operations operations;

    private TaskResult result;

    /** The reason of the latest failure; kept while a retry runs. */
    private String error;

    @Field("created_at")
    private Instant createdAt;

    @Field("updated_at")
    private Instant updatedAt;

    /** Outbox: when a NEW task's job is due to be published (again). */
    @Field("next_publish_at")
    private Instant nextPublishAt;

    @Field("last_heartbeat_at")
    private Instant lastHeartbeatAt;

    /** Every state entered, oldest first; appended by the same compare-and-set update that changes the state. */
    private List<StateChange> history = new ArrayList<>();

    @Version
    private Long version;

    TaskDocument() {}

    /** An update that moves the task to {@code state} and records it in the history. */
    static Update entering(TaskState state, int attempt, Instant at) {
        return new Update().set("state", state).push("history", new StateChange(state, attempt, at));
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

    String getId() {
        return id;
    }

    void setId(String id) {
        this.id = id;
    }

    String getOwnerId() {
        return ownerId;
    }

    void setOwnerId(String ownerId) {
        this.ownerId = ownerId;
    }

    String getVideoId() {
        return videoId;
    }

    void setVideoId(String videoId) {
        this.videoId = videoId;
    }

    String getVideoFilename() {
        return videoFilename;
    }

    void setVideoFilename(String videoFilename) {
        this.videoFilename = videoFilename;
    }

    String getSourceObjectKey() {
        return sourceObjectKey;
    }

    void setSourceObjectKey(String sourceObjectKey) {
        this.sourceObjectKey = sourceObjectKey;
    }

    double getSourceDurationSeconds() {
        return sourceDurationSeconds;
    }

    void setSourceDurationSeconds(double sourceDurationSeconds) {
        this.sourceDurationSeconds = sourceDurationSeconds;
    }

    Integer getSourceWidth() {
        return sourceWidth;
    }

    void setSourceWidth(Integer sourceWidth) {
        this.sourceWidth = sourceWidth;
    }

    Integer getSourceHeight() {
        return sourceHeight;
    }

    void setSourceHeight(Integer sourceHeight) {
        this.sourceHeight = sourceHeight;
    }

    TaskState getState() {
        return state;
    }

    void setState(TaskState state) {
        this.state = state;
    }

    int getAttempt() {
        return attempt;
    }

    void setAttempt(int attempt) {
        this.attempt = attempt;
    }

    int getRunFirstAttempt() {
        return runFirstAttempt;
    }

    void setRunFirstAttempt(int runFirstAttempt) {
        this.runFirstAttempt = runFirstAttempt;
    }

    double getProgress() {
        return progress;
    }

    void setProgress(double progress) {
        this.progress = progress;
    }

    RequestedParams getRequested() {
        return requested;
    }

    void setRequested(RequestedParams requested) {
        this.requested = requested;
    }

    Operations getOperations() {
        return operations;
    }

    void setOperations(Operations operations) {
        this.operations = operations;
    }

    TaskResult getResult() {
        return result;
    }

    void setResult(TaskResult result) {
        this.result = result;
    }

    String getError() {
        return error;
    }

    void setError(String error) {
        this.error = error;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    Instant getUpdatedAt() {
        return updatedAt;
    }

    void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    Instant getNextPublishAt() {
        return nextPublishAt;
    }

    void setNextPublishAt(Instant nextPublishAt) {
        this.nextPublishAt = nextPublishAt;
    }

    Instant getLastHeartbeatAt() {
        return lastHeartbeatAt;
    }

    void setLastHeartbeatAt(Instant lastHeartbeatAt) {
        this.lastHeartbeatAt = lastHeartbeatAt;
    }

    Long getVersion() {
        return version;
    }

    void setVersion(Long version) {
        this.version = version;
    }

    List<StateChange> getHistory() {
        return history == null ? List.of() : history;
    }

    void setHistory(List<StateChange> history) {
        this.history = history;
    }
}
