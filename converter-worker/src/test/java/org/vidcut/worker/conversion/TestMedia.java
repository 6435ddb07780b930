package org.vidcut.worker.conversion;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test clips generated with ffmpeg's lavfi sources: nothing binary is committed. */
final class TestMedia {

    private TestMedia() {}

    /** A 320x240 H.264/AAC mp4 of {@code seconds}, index first, with a keyframe every second. */
    static void clip(Path target, int seconds) throws IOException, InterruptedException {
        run(List.of(
                "ffmpeg",
                "-hide_banner",
                "-nostdin",
                "-y",
                "-v",
                "error",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=320x240:rate=25:duration=" + seconds,
                "-f",
                "lavfi",
                "-i",
                "sine=frequency=440:duration=" + seconds,
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-g",
                "25",
                "-pix_fmt",
                "yuv420p",
                "-c:a",
                "aac",
                "-shortest",
                "-movflags",
                "+faststart",
                "-f",
                "mp4",
                target.toString()));
    }

    /**
     * A 3840x2160 H.264 mp4 of 2 s at 2 frames a second: little to encode here, but each frame is big enough
     * that converting it needs a few hundred MB.
     */
    static void uhdClip(Path target) throws IOException, InterruptedException {
        run(List.of(
                "ffmpeg",
                "-hide_banner",
                "-nostdin",
                "-y",
                "-v",
                "error",
                "-f",
                "lavfi",
                "-i",
                "testsrc2=size=3840x2160:rate=2:duration=2",
                "-c:v",
                "libx264",
                "-preset",
                "ultrafast",
                "-pix_fmt",
                "yuv420p",
                "-movflags",
                "+faststart",
                "-f",
                "mp4",
                target.toString()));
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).inheritIO().start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("ffmpeg could not generate the test clip");
        }
    }
}
