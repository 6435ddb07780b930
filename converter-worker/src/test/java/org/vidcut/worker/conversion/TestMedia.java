package org.vidcut.worker.conversion;

import static org.vidcut.worker.testmedia.GeneratedMedia.args;
import static org.vidcut.worker.testmedia.GeneratedMedia.encode;
import static org.vidcut.worker.testmedia.GeneratedMedia.picture;
import static org.vidcut.worker.testmedia.GeneratedMedia.sound;

import java.io.IOException;
import java.nio.file.Path;

/** The worker tests' clips, generated with ffmpeg's lavfi sources: nothing binary is committed. */
final class TestMedia {

    private TestMedia() {}

    /** A 320x240 H.264/AAC mp4 of {@code seconds}, index first, with a keyframe every second. */
    static void clip(Path target, int seconds) throws IOException, InterruptedException {
        encode(
                args(
                        picture("320x240", 25, seconds),
                        sound(440, seconds),
                        "-c:v libx264 -preset ultrafast -g 25 -pix_fmt yuv420p -c:a aac -shortest",
                        "-movflags +faststart -f mp4"),
                target);
    }

    /**
     * A 3840x2160 H.264 mp4 of 2 s at 2 frames a second: little to encode here, but each frame is big enough
     * that converting it needs a few hundred MB.
     */
    static void uhdClip(Path target) throws IOException, InterruptedException {
        encode(
                args(
                        picture("3840x2160", 2, 2),
                        "-c:v libx264 -preset ultrafast -pix_fmt yuv420p -movflags +faststart -f mp4"),
                target);
    }

    /**
     * A 320x240 H.264 mp4 at 25 frames a second with a closed GOP every 2 s (50 pictures) and up to three
     * B-frames in a pyramid, as cameras and x264 write them; {@code startSeconds} shifts every timestamp (a
     * source cut from a stream starts late).
     */
    static void gopClip(Path target, int seconds, double startSeconds, boolean audio)
            throws IOException, InterruptedException {
        encode(
                args(
                        picture("320x240", 25, seconds),
                        audio ? args(sound(440, seconds), "-c:a aac") : args(),
                        "-c:v libx264 -preset veryfast -g 50 -keyint_min 50 -sc_threshold 0 -bf 3 -pix_fmt yuv420p",
                        "-output_ts_offset " + startSeconds,
                        "-movflags +faststart -f mp4"),
                target);
    }

    /** A 320x240 MPEG-4 Part 2 clip in Matroska: a codec whose pictures a smart trim cannot match. */
    static void mpeg4Clip(Path target, int seconds) throws IOException, InterruptedException {
        encode(args(picture("320x240", 25, seconds), "-c:v mpeg4 -g 25 -f matroska"), target);
    }
}
