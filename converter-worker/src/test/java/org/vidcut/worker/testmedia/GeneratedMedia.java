package org.vidcut.worker.testmedia;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Test media made by ffmpeg from its lavfi sources (a moving test pattern and a sine tone), so that nothing binary
 * is committed. A clip is its inputs ({@link #picture}, {@link #sound}) and its output options, written as
 * {@link #args}; {@link #encode} runs ffmpeg on them.
 */
public final class GeneratedMedia {

    private static final long TIMEOUT_SECONDS = 120;

    private GeneratedMedia() {}

    /** ffmpeg's {@code testsrc2} pattern as an input; {@code seconds} is written as given (2 or 2.0). */
    public static List<String> picture(String size, int rate, Number seconds) {
        return List.of("-f", "lavfi", "-i", "testsrc2=size=" + size + ":rate=" + rate + ":duration=" + seconds);
    }

    /** A sine tone (44.1 kHz, lavfi's default) as an input. */
    public static List<String> sound(int frequency, Number seconds) {
        return List.of("-f", "lavfi", "-i", "sine=frequency=" + frequency + ":duration=" + seconds);
    }

    /**
     * One argument list from parts that are either lists of arguments or strings of space-separated arguments
     * (none of the arguments contains a space).
     */
    public static List<String> args(Object... parts) {
        var args = new ArrayList<String>();
        for (var part : parts) {
            if (part instanceof List<?> list) {
                list.forEach(arg -> args.add(arg.toString()));
            } else {
                args.addAll(List.of(part.toString().split(" ")));
            }
        }
        return args;
    }

    /** Runs a quiet ffmpeg on these inputs and output options, writing {@code target}. */
    public static Path encode(List<String> inputsAndOptions, Path target) {
        return encode(null, inputsAndOptions, target);
    }

    /** As {@link #encode(List, Path)}, with relative input paths (a subtitle file) resolved in {@code dir}. */
    public static Path encode(@Nullable Path dir, List<String> inputsAndOptions, Path target) {
        var command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-nostdin", "-y", "-v", "error"));
        command.addAll(inputsAndOptions);
        command.add(target.toString());
        run(dir, command);
        return target;
    }

    /**
     * Runs a tool to its end and answers what it printed (stdout and stderr).
     *
     * @throws IllegalStateException when it fails or takes over two minutes
     */
    public static String run(@Nullable Path dir, List<String> command) {
        try {
            var builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (dir != null) {
                builder.directory(dir.toFile());
            }
            var process = builder.start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.get(0) + " timed out: " + command);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command.get(0) + " failed: " + command + "\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
