package org.vidcut.api.task;

/** Told when a job may have left the broker or a user's load fell: a worker started, a task ended or was canceled. */
@FunctionalInterface
interface RoomForJobs {

    /** Returns at once; the dispatcher looks for room in the background. */
    void mayHaveRoom();
}
