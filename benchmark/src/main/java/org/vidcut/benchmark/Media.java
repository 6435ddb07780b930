package org.vidcut.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's own media, generated with ffmpeg lavfi sources and kept in a cache directory between runs: a
 * 60 s 1080p H.264/AAC clip at 5 Mbit/s with a keyframe every 2 s (x264 ultrafast, so it is made quickly), looped by stream
 * copy into a 10-minute file and into a ~1 GiB file. Stream copy keeps the 2 s keyframe cadence.
 */
final class Media {

    /** Bump when the recipe changes, so cached files of an older recipe are not reused. */
    private static final String RECIPE = "v1";

    static final int FRAME_RATE = 25;
    static final int KEYFRAME_SECONDS = 2;
    static final long ONE_GIB = 1L << 30;

    /** The 1 GiB file is made on first use: only the upload rows need it. */
    record Generated(Path tenMinutes, Path cache) {

        Path oneGigabyte() {
            var big = cache.resolve("one-gigabyte-" + RECIPE + ".mp4");
            if (!Files.exists(big)) {
                Console.step("looping the 10-minute file into a ~1 GiB file (stream copy)");
                generate(
                        big,
                        List.of(
                                "-stream_loop",
                                "-1",
                                "-i",
                                tenMinutes.toString(),
                                "-c",
                                "copy",
                                "-fs",
                                Long.toString(ONE_GIB)));
            }
            return big;
        }
    }

    private Media() {}

    static Generated prepare(Path cache) {
        try {
            Files.createDirectories(cache);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var clip = cache.resolve("clip-60s-1080p-" + RECIPE + ".mp4");
        var ten = cache.resolve("ten-minutes-1080p-" + RECIPE + ".mp4");
        if (!Files.exists(ten)) {
            if (!Files.exists(clip)) {
                Console.step("generating a 60 s 1080p clip (x264 ultrafast, keyframe every %d s)", KEYFRAME_SECONDS);
                generate(
                        clip,
                        List.of(
                                "-f",
                                "lavfi",
                                "-i",
                                "testsrc2=size=1920x1080:rate=" + FRAME_RATE,
                                "-f",
                                "lavfi",
                                "-i",
                                "sine=frequency=440:sample_rate=48000",
                                "-t",
                                "60",
                                "-c:v",
                                "libx264",
                                "-preset",
                                "ultrafast",
                                "-pix_fmt",
                                "yuv420p",
                                // ultrafast alone gives ~14 Mbit/s on this source; 5 Mbit/s is a typical 1080p upload
                                "-b:v",
                                "5M",
                                "-maxrate",
                                "5M",
                                "-bufsize",
                                "10M",
                                "-g",
                                Integer.toString(FRAME_RATE * KEYFRAME_SECONDS),
                                "-keyint_min",
                                Integer.toString(FRAME_RATE * KEYFRAME_SECONDS),
                                "-sc_threshold",
                                "0",
                                "-c:a",
                                "aac",
                                "-b:a",
                                "128k"));
            }
            Console.step("looping it into a 10-minute file (stream copy)");
            generate(ten, List.of("-stream_loop", "9", "-i", clip.toString(), "-c", "copy"));
        }
        return new Generated(ten, cache);
    }

    /** Writes to a temporary name first: a file with the final name is always complete. */
    private static void generate(Path target, List<String> arguments) {
        var partial = target.resolveSibling(target.getFileName() + ".part.mp4");
        var command = new ArrayList<>(List.of("ffmpeg", "-nostdin", "-hide_banner", "-loglevel", "error", "-y"));
        command.addAll(arguments);
        command.addAll(List.of("-f", "mp4", partial.toString()));
        Processes.check(command, Duration.ofMinutes(10));
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
