package org.vidcut.api.limits;

/** What one user holds now. */
public record Usage(long videos, long storageBytes, long activeTasks) {}
