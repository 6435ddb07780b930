package org.vidcut.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Thin shell wrappers around the real ffmpeg and ffprobe. The standalone jar is pointed at them through its
 * documented properties (as environment variables), so it runs the real tools unchanged while every run leaves a
 * line with its arguments, its start and end time and its I/O counters in a log.
 *
 * <p>The counters come from the wrapper's own {@code /proc/self/io} and {@code /proc/self/stat} after it waited
 * for the tool: Linux adds the counters and CPU times of a reaped child to its parent. Note that {@code rchar} does
 * NOT count socket reads done with recv(2), which is how ffmpeg reads HTTP: bytes read from the object store are
 * measured elsewhere ({@link StorageEgress}, {@link #replayReadBytes}).
 */
final class FfmpegSpy {

    /** USER_HZ: the unit of the CPU times in /proc/PID/stat; 100 on every mainstream Linux build. */
    static final long CLOCK_TICKS = clockTicks();

    private final Path log;
    private final Path ffmpeg;
    private final Path ffprobe;

    private FfmpegSpy(Path log, Path ffmpeg, Path ffprobe) {
        this.log = log;
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
    }

    /** One run of a wrapped tool. */
    record Run(
            String tool,
            double startEpochSeconds,
            double endEpochSeconds,
            int exitCode,
            Map<String, Long> io,
            List<String> args) {

        /** user + system CPU time of the tool (its threads included), from the wrapper's cutime + cstime. */
        double cpuSeconds() {
            return io.getOrDefault("child_cpu_ticks", -1L) / (double) CLOCK_TICKS;
        }

        double seconds() {
            return endEpochSeconds - startEpochSeconds;
        }

        /** The value after the last {@code -i}. */
        String input() {
            int at = args.lastIndexOf("-i");
            return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : "";
        }

        boolean readsOverHttp() {
            return input().startsWith("http://") || input().startsWith("https://");
        }
    }

    static FfmpegSpy install(Path directory) {
        try {
            Files.createDirectories(directory);
            var log = directory.resolve("ffmpeg-runs.tsv");
            Files.deleteIfExists(log);
            Files.createFile(log);
            return new FfmpegSpy(log, wrapper(directory, "ffmpeg", log), wrapper(directory, "ffprobe", log));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path wrapper(Path directory, String tool, Path log) throws IOException {
        var real = Processes.check(List.of("bash", "-c", "command -v " + tool), java.time.Duration.ofSeconds(10))
                .output()
                .strip();
        var script = directory.resolve("spy-" + tool);
        // one printf per line: a single write(2), so lines of concurrent runs do not interleave
        var text = """
                #!/bin/bash
                start=$EPOCHREALTIME
                %s "$@"
                rc=$?
                end=$EPOCHREALTIME
                io=""
                while read -r key value; do io+="${key%%:}=$value,"; done < /proc/$$/io
                read -r -a stat < /proc/$$/stat
                io+="child_cpu_ticks=$((stat[15] + stat[16])),"
                line="%s"$'\\t'"$start"$'\\t'"$end"$'\\t'"$rc"$'\\t'"$io"
                for arg in "$@"; do line+=$'\\t'"$arg"; done
                printf '%%s\\n' "$line" >> %s
                exit $rc
                """.formatted(quote(real), tool, quote(log.toString()));
        Files.writeString(script, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script;
    }

    private static long clockTicks() {
        try {
            return Long.parseLong(Processes.check(List.of("getconf", "CLK_TCK"), java.time.Duration.ofSeconds(10))
                    .output()
                    .strip());
        } catch (RuntimeException e) {
            return 100;
        }
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }

    Path ffmpeg() {
        return ffmpeg;
    }

    Path ffprobe() {
        return ffprobe;
    }

    /** How many runs are logged so far: pass it to {@link #runsSince(int)} to see only later runs. */
    int mark() {
        return runs().size();
    }

    List<Run> runsSince(int mark) {
        var all = runs();
        return all.subList(Math.min(mark, all.size()), all.size());
    }

    List<Run> runs() {
        try {
            var runs = new ArrayList<Run>();
            for (var line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                var fields = line.split("\t", -1);
                if (fields.length < 5) {
                    continue;
                }
                var io = new HashMap<String, Long>();
                for (var pair : fields[4].split(",")) {
                    var kv = pair.split("=", 2);
                    if (kv.length == 2 && !kv[1].isBlank()) {
                        io.put(kv[0].strip(), Long.parseLong(kv[1].strip()));
                    }
                }
                runs.add(new Run(
                        fields[0],
                        Double.parseDouble(fields[1]),
                        Double.parseDouble(fields[2]),
                        Integer.parseInt(fields[3]),
                        io,
                        List.copyOf(Arrays.asList(fields).subList(5, fields.length))));
            }
            return runs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The worker's ffmpeg arguments turned into the same command on a local file: the HTTP input becomes
     * {@code localInput}, the output becomes {@code localOutput}, and the wrapper library's {@code -progress URL}
     * (a socket back to the worker) is dropped, and {@code file} is added to a {@code -protocol_whitelist}.
     * Everything else is kept as the worker passed it.
     */
    static List<String> localEquivalent(Run workerRun, Path ffmpeg, Path localInput, Path localOutput) {
        return rewritten(workerRun, ffmpeg, localInput.toString(), localOutput, null);
    }

    private static final java.util.regex.Pattern BYTES_READ =
            java.util.regex.Pattern.compile("Statistics: (\\d+) bytes read, (\\d+) seeks");

    /**
     * Runs the worker's command once more, unchanged (same presigned source URL, same options) except for its log
     * level, and returns what ffmpeg itself counts as read from its input ({@code Statistics: N bytes read} at
     * verbose level).
     */
    static long replayReadBytes(Run workerRun, Path ffmpeg, Path output) {
        var command = rewritten(workerRun, ffmpeg, workerRun.input(), output, "verbose");
        var text = Processes.check(command, java.time.Duration.ofMinutes(5)).output();
        try {
            Files.deleteIfExists(output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return inputBytesRead(text);
    }

    /**
     * The input's {@code Statistics: N bytes read} from ffmpeg's verbose output. The input is closed last; an
     * earlier "bytes read" line is mp4's faststart pass reading the output back.
     */
    static long inputBytesRead(String verboseOutput) {
        var m = BYTES_READ.matcher(verboseOutput);
        long last = -1;
        while (m.find()) {
            last = Long.parseLong(m.group(1));
        }
        if (last < 0) {
            throw new IllegalStateException(
                    "ffmpeg printed no read statistics:\n" + Processes.tail(verboseOutput, 2000));
        }
        return last;
    }

    private static List<String> rewritten(Run workerRun, Path ffmpeg, String input, Path output, String logLevel) {
        var args = new ArrayList<>(workerRun.args());
        int progress = args.indexOf("-progress");
        if (progress >= 0) {
            args.remove(progress + 1);
            args.remove(progress);
        }
        if (logLevel != null) {
            int level = args.indexOf("-v");
            if (level >= 0) {
                args.set(level + 1, logLevel);
            } else {
                args.addAll(0, List.of("-v", logLevel));
            }
        }
        int at = args.lastIndexOf("-i");
        args.set(at + 1, input);
        int protocols = args.indexOf("-protocol_whitelist");
        if (protocols >= 0 && !input.contains("://")) {
            // the worker allows only network protocols for its presigned URL; the local replay reads a file
            args.set(protocols + 1, args.get(protocols + 1) + ",file");
        }
        args.set(args.size() - 1, output.toString());
        var command = new ArrayList<String>();
        command.add(ffmpeg.toString());
        command.addAll(args);
        return command;
    }
}
