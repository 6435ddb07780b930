package org.vidcut.api.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.vidcut.contracts.Track;

/** Runs the real ffprobe on clips generated here with ffmpeg's lavfi sources. */
@ExtendWith(OutputCaptureExtension.class)
class FfprobeVideoProberTest {

    @TempDir
    Path dir;

    private final FfprobeVideoProber prober = new FfprobeVideoProber(
            new MediaProperties("ffprobe", Duration.ofSeconds(30), Duration.ofMinutes(10)),
            BoundMediaLimits.defaults());

    private Path ffmpeg(String name, String... args) throws IOException, InterruptedException {
        var out = dir.resolve(name);
        var command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-y"));
        command.addAll(List.of(args));
        command.add(out.toString());
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var log = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(log).isZero();
        return out;
    }

    @Test
    void aRefusedUploadDoesNotLogThePresignedLinksSignature(CapturedOutput output) throws Exception {
        var server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            var body = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            var link = "http://127.0.0.1:" + server.getAddress().getPort()
                    + "/vidcut/originals/u1/v1?X-Amz-Credential=vidcut-app%2F20260101&X-Amz-Signature=0badc0ffee5ec7e7";

            assertThatThrownBy(() -> prober.probe(link)).isInstanceOf(VideoUnreadable.class);
        } finally {
            server.stop(0);
        }

        assertThat(output.getAll()).contains("ffprobe refused an upload").doesNotContain("0badc0ffee5ec7e7");
    }

    @Test
    void probesDurationSizeAndCodecsOfAnMp4() throws Exception {
        var clip = ffmpeg(
                "clip.mp4",
                "-f",
                "lavfi",
                "-i",
                "testsrc=duration=2:size=320x240:rate=25",
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:duration=2",
                "-c:v",
                "libx264",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-shortest");

        var probe = prober.probe(clip.toString());

        assertThat(probe.durationSeconds()).isBetween(1.9, 2.2);
        assertThat(probe.width()).isEqualTo(320);
        assertThat(probe.height()).isEqualTo(240);
        assertThat(probe.videoCodec()).isEqualTo("h264");
        assertThat(probe.audioCodec()).isEqualTo("aac");
        assertThat(probe.container()).contains("mp4");
    }

    @Test
    void probesSilentWebm() throws Exception {
        var clip = ffmpeg(
                "clip.webm",
                "-f",
                "lavfi",
                "-i",
                "testsrc=duration=1:size=160x120:rate=10",
                "-c:v",
                "libvpx-vp9",
                "-deadline",
                "realtime");

        var probe = prober.probe(clip.toString());

        assertThat(probe.videoCodec()).isEqualTo("vp9");
        assertThat(probe.audioCodec()).isNull();
        assertThat(probe.container()).contains("webm");
        assertThat(probe.durationSeconds()).isGreaterThan(0.5);
    }

    @Test
    void reportsARotatedPhoneVideoUprightWithItsRotationAndTracks() throws Exception {
        var sideways = ffmpeg(
                "sideways.mp4",
                "-f",
                "lavfi",
                "-i",
                "testsrc=duration=1:size=320x180",
                "-f",
                "lavfi",
                "-i",
                "sine=d=1");
        var phone = ffmpeg("phone.mp4", "-i", sideways.toString(), "-c", "copy", "-metadata:s:v:0", "rotate=90");

        var probe = prober.probe(phone.toString());

        assertThat(List.of(probe.width(), probe.height(), probe.rotation())).containsExactly(180, 320, 90);
        assertThat(probe.tracks()).extracting(Track::type).containsExactly(Track.VIDEO, Track.AUDIO);
    }

    @Test
    void reportsTheDisplayedWidthOfNonSquarePixels() throws Exception {
        var clip =
                ffmpeg("anamorphic.mp4", "-f", "lavfi", "-i", "testsrc=duration=1:size=320x240", "-vf", "setsar=4/3");

        var probe = prober.probe(clip.toString());

        assertThat(List.of(probe.width(), probe.height())).containsExactly(427, 240);
        assertThat(probe.rotation()).isNull();
    }

    @Test
    void countsTheDurationFromTheFirstTimestampOfAFileThatStartsLater() throws Exception {
        var clip = ffmpeg(
                "from-10s.mkv", "-f", "lavfi", "-i", "testsrc=duration=2:size=160x120", "-output_ts_offset", "10");

        assertThat(prober.probe(clip.toString()).durationSeconds()).isCloseTo(2.0, within(0.05));
    }

    @Test
    void refusesAudioOnlyFile() throws Exception {
        var audio = ffmpeg("tone.mkv", "-f", "lavfi", "-i", "sine=duration=1", "-c:a", "flac");

        assertThatThrownBy(() -> prober.probe(audio.toString()))
                .isInstanceOf(VideoUnreadable.class)
                .hasMessageContaining("no video stream");
    }

    @Test
    void refusesTextFile() throws Exception {
        var text = Files.writeString(dir.resolve("notes.mp4"), "this is not a video\n");

        assertThatThrownBy(() -> prober.probe(text.toString())).isInstanceOf(VideoUnreadable.class);
    }

    @Test
    void refusesConcatPlaylistThatWouldReadOtherFiles() throws Exception {
        var clip = ffmpeg("inner.mp4", "-f", "lavfi", "-i", "testsrc=duration=1:size=64x64:rate=5");
        var playlist = Files.writeString(dir.resolve("list.mp4"), "ffconcat version 1.0\nfile '" + clip + "'\n");

        assertThatThrownBy(() -> prober.probe(playlist.toString())).isInstanceOf(VideoUnreadable.class);
    }

    @Test
    void refusesMissingFile() {
        assertThatThrownBy(() -> prober.probe(dir.resolve("absent.mp4").toString()))
                .isInstanceOf(VideoUnreadable.class);
    }

    @Test
    void reportsMissingFfprobeAsUnavailableTool() throws Exception {
        var broken = new FfprobeVideoProber(
                new MediaProperties(
                        dir.resolve("no-such-ffprobe").toString(), Duration.ofSeconds(5), Duration.ofMinutes(1)),
                BoundMediaLimits.defaults());
        var clip = Files.writeString(dir.resolve("x.mp4"), "x");

        assertThatThrownBy(() -> broken.probe(clip.toString())).isInstanceOf(MediaToolUnavailable.class);
    }

    @Test
    void refusesAGifClaiming16000x16000In66Bytes() throws Exception {
        var gif = Files.write(dir.resolve("huge.gif"), HostileMedia.gifClaiming16000Square());
        assertThat(Files.size(gif)).isEqualTo(66);

        assertThatThrownBy(() -> prober.probe(gif.toString()))
                .isInstanceOf(VideoExceedsLimit.class)
                .hasMessage("the video is 16000x16000; the limit is 8192 px a side");
    }

    @Test
    void refusesAGifClaimingElevenHoursInAKilobyteAndAHalf() throws Exception {
        var gif = Files.write(dir.resolve("long.gif"), HostileMedia.gifClaimingElevenHours());
        assertThat(Files.size(gif)).isBetween(1_300L, 1_500L);

        assertThatThrownBy(() -> prober.probe(gif.toString()))
                .isInstanceOf(VideoExceedsLimit.class)
                .hasMessageContaining("claims 39,321 s (10.9 h) of video")
                .hasMessageContaining("bytes cannot hold that much");
    }

    @Test
    void refusesAnMp4ClaimingTwelveHoursInTwoKilobytes() throws Exception {
        var mp4 = HostileMedia.mp4ClaimingTwelveHours(dir);
        assertThat(Files.size(mp4)).isLessThan(2_048L);

        assertThatThrownBy(() -> prober.probe(mp4.toString()))
                .isInstanceOf(VideoExceedsLimit.class)
                .hasMessageContaining("claims 43,200 s (12.0 h) of video")
                .hasMessageContaining("at least 8 bytes a second");
    }
}
