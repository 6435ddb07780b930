package org.vidcut.api.video;

/** What other features may ask about videos: always scoped to the owner. */
public interface OwnedVideos {

    /**
     * @throws VideoNotFound when the video does not exist or belongs to someone else (never a 403)
     */
    OwnedVideo findOwned(String ownerId, String videoId);
}
