package org.vidcut.api.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Files that claim far more than they hold, crafted byte by byte or with ffmpeg (nothing binary is committed). */
final class HostileMedia {

    /** The longest frame delay a GIF can state: 65,535 hundredths of a second. */
    static final int LONGEST_GIF_DELAY = 0xFFFF;

    private HostileMedia() {}

    /**
     * 66 bytes: a two-frame GIF whose screen and frames claim 16000×16000 pixels (one decoded frame is about 1 GB)
     * while its image data is a single LZW clear and end code.
     */
    static byte[] gifClaiming16000Square() {
        return gif(16000, 16000, 2, 100);
    }

    /** About 1.4 KB: sixty 1×1 frames, each shown for the longest delay a GIF can state: 39,321 s in all. */
    static byte[] gifClaimingElevenHours() {
        return gif(1, 1, 60, LONGEST_GIF_DELAY);
    }

    /** About 1.5 KB: two 16×16 H.264 frames 6 hours apart, so the mp4 claims 12 h. */
    static Path mp4ClaimingTwelveHours(Path dir) throws IOException, InterruptedException {
        var out = dir.resolve("twelve-hours.mp4");
        var process = new ProcessBuilder(List.of(
                        "ffmpeg",
                        "-v",
                        "error",
                        "-y",
                        "-f",
                        "lavfi",
                        "-i",
                        "color=s=16x16:r=1/21600",
                        "-frames:v",
                        "2",
                        "-c:v",
                        "libx264",
                        "-preset",
                        "ultrafast",
                        "-pix_fmt",
                        "yuv420p",
                        out.toString()))
                .redirectErrorStream(true)
                .start();
        var log = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(log).isZero();
        return out;
    }

    private static byte[] gif(int width, int height, int frames, int delayHundredths) {
        var gif = new ByteArrayOutputStream();
        gif.writeBytes("GIF89a".getBytes(StandardCharsets.US_ASCII));
        littleEndian(gif, width);
        littleEndian(gif, height);
        gif.writeBytes(new byte[] {(byte) 0x80, 0, 0}); // a global colour table of two colours
        gif.writeBytes(new byte[] {0, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        for (int i = 0; i < frames; i++) {
            gif.writeBytes(new byte[] {0x21, (byte) 0xF9, 4, 0}); // graphic control extension: the delay
            littleEndian(gif, delayHundredths);
            gif.writeBytes(new byte[] {0, 0});
            gif.write(0x2C); // image descriptor at 0,0 covering the whole claimed screen
            littleEndian(gif, 0);
            littleEndian(gif, 0);
            littleEndian(gif, width);
            littleEndian(gif, height);
            gif.write(0);
            gif.writeBytes(new byte[] {2, 2, 0x44, 0x01, 0}); // LZW: minimum code size 2, clear code, end code
        }
        gif.write(0x3B);
        return gif.toByteArray();
    }

    private static void littleEndian(ByteArrayOutputStream out, int value) {
        out.write(value & 0xFF);
        out.write((value >> 8) & 0xFF);
    }
}
