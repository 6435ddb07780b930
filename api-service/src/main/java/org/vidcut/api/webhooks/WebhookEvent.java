package org.vidcut.api.webhooks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The events a webhook can subscribe to: a task entering one of these states. */
enum WebhookEvent {
    TASK_SCHEDULED("task.scheduled", "scheduled"),
    TASK_PROCESSING("task.processing", "processing"),
    TASK_DONE("task.done", "done"),
    TASK_FAILED("task.failed", "failed"),
    TASK_CANCELED("task.canceled", "canceled");

    /** What a webhook created without {@code events} receives: the end of each task. */
    static final List<WebhookEvent> DEFAULTS = List.of(TASK_DONE, TASK_FAILED, TASK_CANCELED);

    private final String type;
    private final String taskState;

    WebhookEvent(String type, String taskState) {
        this.type = type;
        this.taskState = taskState;
    }

    String type() {
        return type;
    }

    static Optional<WebhookEvent> ofType(String type) {
        return Arrays.stream(values()).filter(e -> e.type.equals(type)).findFirst();
    }

    static Optional<WebhookEvent> ofTaskState(String state) {
        return Arrays.stream(values()).filter(e -> e.taskState.equals(state)).findFirst();
    }
}
