package org.vidcut.api.events;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.vidcut.api.task.TaskChanged;
import org.vidcut.api.task.TaskSnapshot;

/**
 * One open event stream: all of a user's tasks, or one task until it ends. Changes may arrive out of order (from
 * several replicas, or racing the first snapshot), so each task's view is sent only when it is newer than the last
 * one sent.
 */
final class TaskStream {

    static final String EVENT = "task";

    private final String ownerId;
    private final @Nullable String taskId;
    private final SseEmitter emitter;
    private final Consumer<TaskStream> onClose;
    // guarded by this; the closed flag is not, as the emitter's callbacks set it from the container's threads
    private final Map<String, Long> sentVersions = new HashMap<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    TaskStream(String ownerId, @Nullable String taskId, SseEmitter emitter, Consumer<TaskStream> onClose) {
        this.ownerId = ownerId;
        this.taskId = taskId;
        this.emitter = emitter;
        this.onClose = onClose;
        emitter.onCompletion(this::forget);
        emitter.onTimeout(this::complete);
        emitter.onError(failure -> forget());
    }

    String ownerId() {
        return ownerId;
    }

    SseEmitter emitter() {
        return emitter;
    }

    /** Whether this open stream shows that task. */
    boolean shows(String changedTaskId) {
        return !closed.get() && (taskId == null || taskId.equals(changedTaskId));
    }

    /** Whether this stream shows {@code changed} and has not shown that version (or a newer one) yet. */
    synchronized boolean awaits(TaskChanged changed) {
        if (!shows(changed.taskId())) {
            return false;
        }
        var sent = sentVersions.get(changed.taskId());
        return sent == null || sent < changed.version();
    }

    /** Sends the task's view unless a newer one was sent; a one-task stream ends once its task has ended. */
    synchronized void send(TaskSnapshot snapshot) {
        if (closed.get()) {
            return;
        }
        var changedTaskId = snapshot.view().id();
        var sent = sentVersions.get(changedTaskId);
        if (sent != null && sent >= snapshot.version()) {
            return;
        }
        sentVersions.put(changedTaskId, snapshot.version());
        try {
            emitter.send(SseEmitter.event().name(EVENT).data(snapshot.view(), MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException e) {
            fail(e);
            return;
        }
        if (taskId != null && snapshot.ended()) {
            complete();
        }
    }

    /** The task is gone: a one-task stream ends; the stream of all tasks forgets it. */
    synchronized void removed(String removedTaskId) {
        sentVersions.remove(removedTaskId);
        if (removedTaskId.equals(taskId)) {
            complete();
        }
    }

    /** A comment line: keeps proxies from closing an idle stream, and finds clients that went away. */
    synchronized void keepAlive() {
        if (closed.get()) {
            return;
        }
        try {
            emitter.send(SseEmitter.event().comment("keep-alive"));
        } catch (IOException | IllegalStateException e) {
            fail(e);
        }
    }

    void complete() {
        if (forget()) {
            emitter.complete();
        }
    }

    private void fail(Exception e) {
        if (forget()) {
            emitter.completeWithError(e);
        }
    }

    /** Takes the stream out of its registry, once; whether this call did it. */
    private boolean forget() {
        if (!closed.compareAndSet(false, true)) {
            return false;
        }
        onClose.accept(this);
        return true;
    }
}
