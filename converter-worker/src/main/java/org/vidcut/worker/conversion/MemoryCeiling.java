package org.vidcut.worker.conversion;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.unit.DataSize;

/**
 * The memory one ffmpeg run may claim. Enforced by the kernel through {@code prlimit --data} (RLIMIT_DATA:
 * heap, anonymous mappings and thread stacks, so it tracks what ffmpeg really allocates, unlike RLIMIT_AS, which
 * also counts every mapped library) where util-linux's prlimit exists, and always by ffmpeg's own
 * {@code -max_alloc} for any single allocation. An allocation beyond the ceiling fails inside ffmpeg, which then
 * says so in its output; {@link #exhaustion(List)} recognises those lines.
 *
 * @param bytes the ceiling
 * @param prlimit the prlimit executable, or null where there is none (only {@code -max_alloc} applies then)
 */
record MemoryCeiling(long bytes, @Nullable String prlimit) {

    private static final Logger log = LoggerFactory.getLogger(MemoryCeiling.class);

    /**
     * What ffmpeg, its libraries and the dynamic loader print when an allocation fails (lower case). Lines that
     * a damaged input prints as well ({@code get_buffer() failed}) are left out: a wrong "memory" reason would
     * hide the real one.
     */
    private static final List<String> EXHAUSTION = List.of(
            "cannot allocate memory",
            "malloc of size",
            "out of memory",
            "failed to allocate",
            "failed to map segment",
            "bad_alloc");

    /** ffmpeg itself assumes no single allocation is larger than an int can count. */
    private static final long LARGEST_MAX_ALLOC = Integer.MAX_VALUE;

    static MemoryCeiling of(DataSize ceiling) {
        var prlimit = onPath("prlimit");
        if (prlimit.isEmpty()) {
            log.warn("prlimit is not installed: ffmpeg runs are bounded only by -max_alloc, not by a memory ceiling");
        }
        return new MemoryCeiling(ceiling.toBytes(), prlimit.orElse(null));
    }

    /**
     * The ffmpeg command ({@code ffmpeg args...}) run under the ceiling: {@code prlimit} sets the limit on itself,
     * then becomes ffmpeg (same process, so killing it kills ffmpeg).
     */
    List<String> wrap(List<String> command) {
        var wrapped = new ArrayList<String>(command.size() + 5);
        if (prlimit != null) {
            wrapped.addAll(List.of(prlimit, "--data=" + bytes, "--"));
        }
        wrapped.add(command.get(0));
        wrapped.addAll(List.of("-max_alloc", Long.toString(Math.min(bytes, LARGEST_MAX_ALLOC))));
        wrapped.addAll(command.subList(1, command.size()));
        return wrapped;
    }

    /** The first of ffmpeg's last lines that says an allocation failed, if any. */
    static Optional<String> exhaustion(List<String> ffmpegOutput) {
        return ffmpegOutput.stream()
                .filter(line -> {
                    var lower = line.toLowerCase(Locale.ROOT);
                    return EXHAUSTION.stream().anyMatch(lower::contains);
                })
                .findFirst();
    }

    String describe() {
        long gigabyte = DataSize.ofGigabytes(1).toBytes();
        return bytes % gigabyte == 0
                ? bytes / gigabyte + " GB"
                : DataSize.ofBytes(bytes).toMegabytes() + " MB";
    }

    private static Optional<String> onPath(String name) {
        var path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (var dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                var candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toString());
                }
            }
        }
        return Optional.empty();
    }
}
