package org.vidcut.api.video;

import java.util.ArrayList;
import java.util.List;
import org.vidcut.contracts.Track;

/** Answers like ffprobe would, or refuses, and remembers what it was asked to read. */
final class StubProber implements VideoProber {
    final List<String> inputs = new ArrayList<>();
    VideoUnreadable refusal;

    @Override
    public MediaProbe probe(String input) {
        inputs.add(input);
        if (refusal != null) {
            throw refusal;
        }
        return new MediaProbe(
                12.5,
                720,
                1280,
                "h264",
                "aac",
                "mov,mp4,m4a,3gp,3g2,mj2",
                90,
                List.of(new Track(0, Track.VIDEO, "h264", null), new Track(1, Track.AUDIO, "aac", "eng")));
    }
}
