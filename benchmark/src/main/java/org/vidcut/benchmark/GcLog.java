package org.vidcut.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The standalone JVM's unified GC log ({@code -Xlog:gc:file=...}, one line per collection such as
 * {@code Pause Young (Normal) (G1 Evacuation Pause) 250M->61M(560M) 3.1ms}). The heap occupancy right after a
 * collection is what is still referenced, garbage excluded: its maximum during an upload is the upload's live
 * heap.
 */
final class GcLog {

    private static final Pattern PAUSE = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");

    private final Path file;

    GcLog(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    int mark() {
        return lines().size();
    }

    /** Collections logged since {@code mark}, with their occupancy after the collection, in bytes. */
    List<Long> afterCollectionSince(int mark) {
        var lines = lines();
        return lines.subList(Math.min(mark, lines.size()), lines.size()).stream()
                .map(PAUSE::matcher)
                .filter(java.util.regex.Matcher::find)
                .map(m -> bytes(m.group(3), m.group(4)))
                .toList();
    }

    private static long bytes(String value, String unit) {
        long n = Long.parseLong(value);
        return switch (unit) {
            case "K" -> n << 10;
            case "M" -> n << 20;
            default -> n << 30;
        };
    }

    private List<String> lines() {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
