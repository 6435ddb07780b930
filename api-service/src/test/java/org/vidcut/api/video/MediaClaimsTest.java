package org.vidcut.api.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Reading the claims out of ffprobe's JSON, for streams that are awkward to produce with ffmpeg. */
class MediaClaimsTest {

    private static MediaClaims claims(String json) {
        return MediaClaims.of(JsonMapper.builder().build().readTree(json), 10);
    }

    @Test
    void takesTheLargestPictureOfAnyVideoStreamIncludingCoverArt() {
        var claims = claims("""
                {"streams":[{"codec_type":"video","width":640,"height":360,"r_frame_rate":"25/1"},
                  {"codec_type":"audio"},
                  {"codec_type":"video","width":9000,"height":100,"r_frame_rate":"90000/1",
                   "disposition":{"attached_pic":1}}],
                 "format":{"size":"1000"}}""");

        assertThat(claims.width()).isEqualTo(9000);
        assertThat(claims.height()).isEqualTo(100);
        assertThat(claims.pixels()).isEqualTo(900_000);
        assertThat(claims.streams()).isEqualTo(3);
        assertThat(claims.sizeBytes()).isEqualTo(1000);
        // cover art is one picture: its nominal 90000 fps is no frame rate anybody converts at
        assertThat(claims.frameRate()).isEqualTo(25);
    }

    @Test
    void takesTheAverageRateWhenTheRealRateIsAbsurdAsFfmpegDoes() {
        assertThat(MediaClaims.frameRate(1000, 29.97)).isEqualTo(29.97);
        assertThat(MediaClaims.frameRate(1000, 100)).isEqualTo(1000);
        assertThat(MediaClaims.frameRate(300, 0)).isEqualTo(300);
        assertThat(MediaClaims.frameRate(0, 30)).isEqualTo(30);
    }

    @Test
    void readsFractionsAndTreatsGarbageAsUnknown() {
        assertThat(MediaClaims.rate("30000/1001")).isCloseTo(29.97, within(0.01));
        assertThat(MediaClaims.rate("0/0")).isZero();
        assertThat(MediaClaims.rate("1/0")).isZero();
        assertThat(MediaClaims.rate("fast")).isZero();
        assertThat(MediaClaims.rate("")).isZero();
    }

    @Test
    void anUnknownSizeIsNull() {
        var claims = claims("""
                {"streams":[{"codec_type":"video","width":2,"height":2}],"format":{}}""");

        assertThat(claims.sizeBytes()).isNull();
        assertThat(claims.frameRate()).isZero();
    }
}
