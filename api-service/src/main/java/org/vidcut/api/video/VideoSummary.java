package org.vidcut.api.video;

/** What other features show of a video: its id and display filename. */
public record VideoSummary(String id, String filename) {}
