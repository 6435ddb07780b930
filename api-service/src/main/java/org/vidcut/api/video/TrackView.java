package org.vidcut.api.video;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.vidcut.contracts.Track;

/**
 * One picture, sound or subtitle stream of a video or a result.
 *
 * @param index the stream's position in its file
 * @param type {@code video}, {@code audio} or {@code subtitle}
 * @param codec ffprobe's codec name
 * @param language the ISO 639-2 language tag, null when the file names none
 */
public record TrackView(
        int index,

        @Schema(allowableValues = {"video", "audio", "subtitle"})
        String type,

        String codec,
        @Nullable String language) {

    /** Null stays null: documents and results of versions before tracks were listed have none. */
    public static @Nullable List<TrackView> of(@Nullable List<Track> tracks) {
        return tracks == null
                ? null
                : tracks.stream()
                        .map(t -> new TrackView(t.index(), t.type(), t.codec(), t.language()))
                        .toList();
    }
}
