package org.vidcut.api.task;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Where a task is in its life. Which state may follow which, and on what, is {@link TaskTransitions}' table. */
enum TaskState {
    /** Saved, not yet in the fair queue (just created, or waiting out a retry's backoff). The sweeper queues it. */
    NEW,
    /**
     * Durably accepted and waiting for a worker: first for its turn in the fair queue, then, once handed out, in
     * the broker (the hand-off and the broker's confirm are recorded on the task, not as states).
     */
    SCHEDULED,
    PROCESSING,
    DONE,
    FAILED,
    /** Stopped by its owner; a worker that runs it is told to stop and keep nothing. */
    CANCELED;

    /** The states in which a task still needs a worker: what counts against a user's active tasks. */
    static final Set<TaskState> ACTIVE = EnumSet.of(NEW, SCHEDULED, PROCESSING);

    @JsonValue
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<TaskState> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        var wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.id().equals(wanted)).findFirst();
    }

    boolean active() {
        return ACTIVE.contains(this);
    }
}
