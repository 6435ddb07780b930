package org.vidcut.api.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Interpretation of ffprobe's JSON for cases that are awkward to produce with ffmpeg. */
class FfprobeJsonTest {

    private static MediaProbe interpret(String json) {
        return FfprobeVideoProber.interpret(JsonMapper.builder().build().readTree(json));
    }

    @Test
    void ignoresCoverArtWhenLookingForVideo() {
        assertThatThrownBy(() -> interpret("""
                        {"streams":[{"codec_type":"audio","codec_name":"mp3"},
                          {"codec_type":"video","codec_name":"mjpeg","width":300,"height":300,
                           "disposition":{"attached_pic":1}}],
                         "format":{"format_name":"mp3","duration":"3.0"}}"""))
                .isInstanceOf(VideoUnreadable.class)
                .hasMessageContaining("no video stream");
    }

    @Test
    void refusesZeroDuration() {
        assertThatThrownBy(() -> interpret("""
                        {"streams":[{"codec_type":"video","codec_name":"h264","width":2,"height":2}],
                         "format":{"format_name":"mov","duration":"0.000000"}}"""))
                .isInstanceOf(VideoUnreadable.class)
                .hasMessageContaining("duration");
    }

    @Test
    void refusesUnknownDuration() {
        assertThatThrownBy(() -> interpret("""
                        {"streams":[{"codec_type":"video","codec_name":"png","width":2,"height":2}],
                         "format":{"format_name":"png_pipe"}}"""))
                .isInstanceOf(VideoUnreadable.class)
                .hasMessageContaining("duration");
    }

    @Test
    void refusesVideoWithoutDimensions() {
        assertThatThrownBy(() -> interpret("""
                        {"streams":[{"codec_type":"video","codec_name":"h264"}],
                         "format":{"format_name":"mov","duration":"1.0"}}"""))
                .isInstanceOf(VideoUnreadable.class)
                .hasMessageContaining("dimensions");
    }

    @Test
    void fallsBackToStreamDurationWhenFormatHasNone() {
        var probe = interpret("""
                {"streams":[{"codec_type":"video","codec_name":"h264","width":4,"height":2,"duration":"4.5"}],
                 "format":{"format_name":"h264"}}""");

        assertThat(probe.durationSeconds()).isEqualTo(4.5);
    }
}
