package org.vidcut.api.limits;

/** What the video feature tells the limits about one user's originals. */
public interface VideoUsage {

    long videos(String ownerId);

    long originalBytes(String ownerId);
}
