package org.vidcut.worker.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.vidcut.contracts.OutputFormat;
import org.vidcut.contracts.ProbedMedia;
import org.vidcut.contracts.Track;

class StreamMappingTest {

    /** Cover art first (not listed), then the picture, two sound tracks of which one PCM, text and DVD subtitles. */
    private static final ProbedMedia CAMCORDER = new ProbedMedia(
            10,
            0,
            1,
            1920,
            1080,
            null,
            false,
            List.of(
                    new Track(1, Track.VIDEO, "h264", null),
                    new Track(2, Track.AUDIO, "aac", "eng"),
                    new Track(3, Track.AUDIO, "pcm_s16le", "deu"),
                    new Track(4, Track.SUBTITLE, "mov_text", "eng"),
                    new Track(5, Track.SUBTITLE, "dvd_subtitle", "fra")));

    @Test
    void reencodingKeepsEverySoundTrackAndTurnsTextSubtitlesIntoTheContainersKind() {
        assertThat(StreamMapping.arguments(OutputFormat.MP4, CAMCORDER, false))
                .containsExactly("-map", "0:1", "-map", "0:2", "-map", "0:3", "-map", "0:4", "-c:s:0", "mov_text");
        assertThat(StreamMapping.arguments(OutputFormat.WEBM, CAMCORDER, false))
                .containsSubsequence("-map", "0:4", "-c:s:0", "webvtt")
                .doesNotContain("0:5");
    }

    @Test
    void aStreamCopyKeepsOnlyTheSoundTracksTheContainerTakesAsTheyAre() {
        assertThat(StreamMapping.arguments(OutputFormat.MP4, CAMCORDER, true))
                .containsSubsequence("-map", "0:2")
                .doesNotContain("0:3");
        assertThat(StreamMapping.arguments(OutputFormat.MOV, CAMCORDER, true)).contains("0:3");
    }

    @Test
    void matroskaKeepsEverySubtitleButRewritesMovText() {
        assertThat(StreamMapping.arguments(OutputFormat.MKV, CAMCORDER, true))
                .containsSubsequence("-map", "0:4", "-c:s:0", "srt", "-map", "0:5", "-c:s:1", "copy");
    }

    @Test
    void mp3KeepsTheFirstSoundTrackAndGifNoneAtAll() {
        assertThat(StreamMapping.arguments(OutputFormat.MP3, CAMCORDER, false)).containsExactly("-map", "0:2");
        assertThat(StreamMapping.arguments(OutputFormat.GIF, CAMCORDER, false)).containsExactly("-map", "0:1");
    }
}
