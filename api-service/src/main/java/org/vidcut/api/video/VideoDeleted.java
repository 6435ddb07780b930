package org.vidcut.api.video;

/** Published (as a Spring application event) after a video is deleted, so its tasks and results go too. */
public record VideoDeleted(String ownerId, String videoId) {}
