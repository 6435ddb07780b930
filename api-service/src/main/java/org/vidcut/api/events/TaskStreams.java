package org.vidcut.api.events;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.vidcut.api.task.TaskChanged;
import org.vidcut.api.task.TaskSnapshots;

/**
 * The event streams open on this replica, by owner, and what reaches them: every task change, from this replica
 * or another. A change is read from the database once per replica, and only when a stream waits for it.
 */
@Component
class TaskStreams {

    private final Map<String, Set<TaskStream>> byOwner = new ConcurrentHashMap<>();
    private final TaskSnapshots snapshots;
    private final EventProperties properties;

    TaskStreams(TaskSnapshots snapshots, EventProperties properties) {
        this.snapshots = snapshots;
        this.properties = properties;
    }

    /**
     * Opens a stream of one task's changes, or of all the owner's tasks when {@code taskId} is null.
     *
     * @throws TooManyStreams (429) when the owner already holds {@code vidcut.events.max-streams-per-user}
     */
    TaskStream open(String ownerId, @Nullable String taskId) {
        var emitter = new SseEmitter(properties.streamTimeout().toMillis());
        var stream = new TaskStream(ownerId, taskId, emitter, this::forget);
        byOwner.compute(ownerId, (owner, streams) -> {
            var open = streams == null ? ConcurrentHashMap.<TaskStream>newKeySet() : streams;
            if (open.size() >= properties.maxStreamsPerUser()) {
                throw new TooManyStreams(properties.maxStreamsPerUser());
            }
            open.add(stream);
            return open;
        });
        return stream;
    }

    /** Takes a stream out, e.g. one that was opened but will not be answered. */
    void forget(TaskStream stream) {
        byOwner.computeIfPresent(stream.ownerId(), (owner, streams) -> {
            streams.remove(stream);
            return streams.isEmpty() ? null : streams;
        });
    }

    /** Sends the changed task's current view to the owner's streams that wait for it. */
    void deliver(TaskChanged changed) {
        if (changed.removed()) {
            streamsOf(changed.ownerId()).stream()
                    .filter(stream -> stream.shows(changed.taskId()))
                    .forEach(stream -> stream.removed(changed.taskId()));
            return;
        }
        var waiting = streamsOf(changed.ownerId()).stream()
                .filter(stream -> stream.awaits(changed))
                .toList();
        if (waiting.isEmpty()) {
            return;
        }
        snapshots
                .find(changed.ownerId(), changed.taskId())
                .ifPresent(snapshot -> waiting.forEach(stream -> stream.send(snapshot)));
    }

    int openStreams(String ownerId) {
        return streamsOf(ownerId).size();
    }

    @Scheduled(fixedDelayString = "${vidcut.events.keep-alive}", initialDelayString = "${vidcut.events.keep-alive}")
    void keepAlive() {
        all().forEach(TaskStream::keepAlive);
    }

    /** Ends every stream as the api stops, so that a graceful shutdown does not wait for them. */
    @EventListener(ContextClosedEvent.class)
    void closeAll() {
        all().forEach(TaskStream::complete);
    }

    private Set<TaskStream> streamsOf(String ownerId) {
        return byOwner.getOrDefault(ownerId, Set.of());
    }

    private List<TaskStream> all() {
        return byOwner.values().stream().flatMap(Set::stream).toList();
    }
}
