package org.vidcut.contracts;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.time.Instant;

/**
 * The api to every worker: stop running this attempt of this task, if you run it, and keep nothing of it. Sent
 * when a user cancels or deletes a task, and as the answer to an event of an attempt that should not run.
 *
 * @param attempt the attempt to stop; a worker running another attempt of the task ignores it
 * @param reason why, for the worker's log
 */
@JsonTypeName(CancelTask.TYPE)
public record CancelTask(String taskId, int attempt, String reason, Instant issuedAt) implements Message {

    public static final String TYPE = "task_cancel.v1";
}
