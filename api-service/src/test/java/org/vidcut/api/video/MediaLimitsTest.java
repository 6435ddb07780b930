package org.vidcut.api.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;

/** Each limit on its own, with the defaults as the service binds them. */
class MediaLimitsTest {

    private final MediaLimits limits = BoundMediaLimits.defaults();

    /** A plain 1080p clip of 10 minutes at 25 fps with sound, 50 MB: well within every limit. */
    private static MediaClaims ordinary() {
        return new MediaClaims(50_000_000L, 600, 1920, 1080, 1920L * 1080, 25, 2);
    }

    @Test
    void defaultsAreTheDocumentedLimits() {
        assertThat(limits.maxSide()).isEqualTo(8192);
        assertThat(limits.maxPixels()).isEqualTo(8192L * 4320);
        assertThat(limits.maxDuration()).hasHours(12);
        assertThat(limits.maxFrameRate()).isEqualTo(240);
        assertThat(limits.maxStreams()).isEqualTo(16);
    }

    @Test
    void acceptsAnOrdinaryVideo() {
        assertThatCode(() -> limits.check(ordinary())).doesNotThrowAnyException();
    }

    @Test
    void acceptsAFrameOfExactlyTheLimits() {
        var eightK = new MediaClaims(50_000_000L, 600, 8192, 4320, 8192L * 4320, 240, 16);

        assertThatCode(() -> limits.check(eightK)).doesNotThrowAnyException();
    }

    @Test
    void refusesASideLongerThan8192() {
        var tall = new MediaClaims(50_000_000L, 600, 16000, 16000, 16000L * 16000, 25, 1);

        assertThatThrownBy(() -> limits.check(tall))
                .isInstanceOf(VideoExceedsLimit.class)
                .hasMessage("the video is 16000x16000; the limit is 8192 px a side");
    }

    @Test
    void refusesMorePixelsAFrameThan8192By4320() {
        var square = new MediaClaims(50_000_000L, 600, 8192, 8192, 8192L * 8192, 25, 1);

        assertThatThrownBy(() -> limits.check(square))
                .isInstanceOf(VideoExceedsLimit.class)
                .hasMessage("the video has 67,108,864 pixels a frame; the limit is 35,389,440 pixels a frame");
    }

    @Test
    void refusesMoreThan240FramesASecond() {
        var fast = new MediaClaims(50_000_000L, 600, 640, 360, 640L * 360, 1000, 1);

        assertThatThrownBy(() -> limits.check(fast))
                .isInstanceOf(VideoExceedsLimit.class)
                .hasMessage("the video has 1000.00 frames a second; the limit is 240");
    }

    @Test
    void refusesMoreThan16Streams() {
        var crowded = new MediaClaims(50_000_000L, 600, 640, 360, 640L * 360, 25, 17);

        assertThatThrownBy(() -> limits.check(crowded))
                .isInstanceOf(VideoExceedsLimit.class)
                .hasMessage("the file has 17 streams; the limit is 16");
    }

    @Test
    void refusesAVideoLongerThan12Hours() {
        var long13h = new MediaClaims(5_000_000_000L, 13 * 3600, 640, 360, 640L * 360, 25, 2);

        assertThatThrownBy(() -> limits.check(long13h))
                .isInstanceOf(VideoExceedsLimit.class)
                .hasMessage("the video is 46,800 s (13.0 h) long; the limit is 43,200 s (12.0 h)");
    }

    @Test
    void acceptsExactly12Hours() {
        var twelve = new MediaClaims(5_000_000_000L, 12 * 3600, 640, 360, 640L * 360, 25, 2);

        assertThatCode(() -> limits.check(twelve)).doesNotThrowAnyException();
    }

    @Test
    void refusesAFileWhoseBytesCannotHoldItsClaimedDuration() {
        var sparse = new MediaClaims(1_419L, 39_321, 1, 1, 1, 6.67, 1);

        assertThatThrownBy(() -> limits.check(sparse))
                .isInstanceOf(VideoExceedsLimit.class)
                .hasMessageContaining("the file has 1,419 bytes but claims 39,321 s (10.9 h) of video")
                .hasMessageContaining("at least 8 bytes a second");
    }

    @Test
    void acceptsATinyShortClipWithinTheGrace() {
        var tinyGif = new MediaClaims(120L, 30, 1, 1, 1, 1, 1);

        assertThatCode(() -> limits.check(tinyGif)).doesNotThrowAnyException();
    }

    @Test
    void acceptsAStillSlideshowAtOneFrameASecond() {
        // measured: an hour of a still 640x360 picture at 1 fps in H.264 is 119,697 bytes, 33 bytes a second
        var slideshow = new MediaClaims(119_697L, 3600, 640, 360, 640L * 360, 1, 1);

        assertThatCode(() -> limits.check(slideshow)).doesNotThrowAnyException();
    }

    @Test
    void judgesNoBytesWhenTheSizeIsUnknown() {
        var unknownSize = new MediaClaims(null, 3600, 640, 360, 640L * 360, 25, 1);

        assertThatCode(() -> limits.check(unknownSize)).doesNotThrowAnyException();
    }

    @Test
    void limitsAreConfigurable() {
        var strict = BoundMediaLimits.bind(
                Map.of("vidcut.media.limits.max-side", "1920", "vidcut.media.limits.max-duration", "5m"));

        assertThatThrownBy(() -> strict.check(ordinary()))
                .hasMessage("the video is 600.0 s long; the limit is 300.0 s");
        assertThat(strict.maxSide()).isEqualTo(1920);
    }

    @Test
    void refusesNonsenseSettings() {
        assertThatThrownBy(() -> BoundMediaLimits.bind(Map.of("vidcut.media.limits.max-side", "0")))
                .isInstanceOf(BindException.class);
        assertThatThrownBy(() -> BoundMediaLimits.bind(Map.of("vidcut.media.limits.min-bytes-per-second", "-1")))
                .isInstanceOf(BindException.class);
    }
}
