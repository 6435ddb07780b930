package org.vidcut.api.messaging;

import org.slf4j.MDC;

/**
 * Puts a task's id and attempt into the logging context (MDC) for a block of work, under the same keys the
 * worker uses, so one task's log lines can be followed across both services. Closing it restores whatever the
 * keys held before, so nested blocks (a sweep publishing a task that is already in the context) stay correct.
 */
public final class TaskLogContext implements AutoCloseable {

    public static final String TASK_ID = "task_id";
    public static final String ATTEMPT = "attempt";

    private final String previousTaskId;
    private final String previousAttempt;

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

    private static void restore(String key, String previous) {
        if (previous == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, previous);
        }
    }
}
