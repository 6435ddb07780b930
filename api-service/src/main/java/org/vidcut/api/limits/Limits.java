package org.vidcut.api.limits;

/** The limits that apply to one user, as shown to that user. */
public record Limits(
        long storageBytes, int activeTasks, int tasksPerMinute, int signupsPerMinute, int failedLoginsPerMinute) {}
