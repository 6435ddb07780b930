package org.vidcut.api.limits;

/** What the task feature tells the limits about one user's tasks. */
public interface TaskUsage {

    /** Tasks that are not finished yet (waiting or running). */
    long activeTasks(String ownerId);

    /** Bytes of the stored results of the user's tasks. */
    long resultBytes(String ownerId);
}
