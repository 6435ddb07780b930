package org.vidcut.api.task;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.bson.types.ObjectId;
import org.vidcut.contracts.Accuracy;
import org.vidcut.contracts.Operations;
import org.vidcut.contracts.OutputFormat;

/** Test fixtures for task documents. */
final class Tasks {

    private Tasks() {}

    static TaskDocument task(String ownerId, TaskState state) {
        var now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        var task = new TaskDocument();
        task.setId(new ObjectId().toHexString());
        task.setOwnerId(ownerId);
        task.setVideoId("v1");
        task.setVideoFilename("holiday.mp4");
        task.setSourceObjectKey("originals/" + ownerId + "/v1");
        task.setSourceDurationSeconds(60);
        task.setSourceWidth(1920);
        task.setSourceHeight(1080);
        task.setState(state);
        task.setAttempt(1);
        task.setRunFirstAttempt(1);
        task.setRequested(new RequestedParams(2.0, 10.0, null, null, null, null));
        task.setOperations(new Operations(2, 10, null, null, OutputFormat.MP4, Accuracy.EXACT, false));
        task.setCreatedAt(now);
        task.setUpdatedAt(now);
        if (state == TaskState.NEW) {
            task.setNextPublishAt(now);
        }
        if (state == TaskState.PROCESSING) {
            task.setLastHeartbeatAt(now);
        }
        return task;
    }
}
