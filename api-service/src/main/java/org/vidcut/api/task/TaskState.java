package org.vidcut.api.task;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Where a task is in its life, with the one table of allowed transitions. Out-of-order events are the reason
 * for the looser edges: a worker's "started" may arrive before the broker's confirm has been recorded, and a
 * result may arrive for a task whose "started" was lost.
 */
enum TaskState {
    /** Saved; its job is not (yet) confirmed by the broker. The outbox sweeper publishes it. */
    NEW,
    /** The broker confirmed the job. */
    SCHEDULED,
    PROCESSING,
    DONE,
    FAILED;

    private static final Map<TaskState, Set<TaskState>> ALLOWED = new EnumMap<>(TaskState.class);

    static {
        ALLOWED.put(NEW, EnumSet.of(SCHEDULED, PROCESSING));
        ALLOWED.put(SCHEDULED, EnumSet.of(PROCESSING, DONE, FAILED, NEW));
        ALLOWED.put(PROCESSING, EnumSet.of(PROCESSING, DONE, FAILED, NEW));
        ALLOWED.put(DONE, EnumSet.noneOf(TaskState.class));
        ALLOWED.put(FAILED, EnumSet.of(NEW));
    }

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

    boolean canMoveTo(TaskState next) {
        return ALLOWED.get(this).contains(next);
    }

    TaskState moveTo(TaskState next) {
        if (!canMoveTo(next)) {
            throw new IllegalTaskTransition(this, next);
        }
        return next;
    }

    /** The states from which {@code target} may be reached: the guard of a compare-and-set update. */
    static Set<TaskState> sourcesOf(TaskState target) {
        var sources = EnumSet.noneOf(TaskState.class);
        ALLOWED.forEach((from, targets) -> {
            if (targets.contains(target)) {
                sources.add(from);
            }
        });
        return sources;
    }
}
