package org.vidcut.api.messaging;

import org.vidcut.contracts.TaskEvent;

/** Where decoded worker events go; implemented by the task feature. */
public interface TaskEventSink {

    /** Applies the event idempotently; a stale or duplicate event is ignored, not an error. */
    void apply(TaskEvent event);
}
