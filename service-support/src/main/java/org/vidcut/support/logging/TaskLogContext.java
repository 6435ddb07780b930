package org.vidcut.support.logging;

import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;

/**
 * Puts a task's id and attempt into the logging context (MDC) for a block of work, under the same keys in
 * both services, so one task's log lines can be followed from the api to the worker and back. Closing it restores whatever the
 * keys held before, so nested blocks (a sweep publishing a task that is already in the context) stay correct.
 */
public final class TaskLogContext implements AutoCloseable {

    public static final String TASK_ID = "task_id";
    public static final String ATTEMPT = "attempt";

    private final @Nullable String previousTaskId;
    private final @Nullable String previousAttempt;

    private TaskLogContext(String taskId, int attempt) {
        previousTaskId = MDC.get(TASK_ID);
        previousAttempt = MDC.get(ATTEMPT);
        MDC.put(TASK_ID, taskId);
        MDC.put(ATTEMPT, Integer.toString(attempt));
    }

    public static TaskLogContext open(String taskId, int attempt) {
        return new TaskLogContext(taskId, attempt);
    }

    @Override
    public void close() {
        restore(TASK_ID, previousTaskId);
        restore(ATTEMPT, previousAttempt);
    }

    private static void restore(String key, @Nullable String previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
