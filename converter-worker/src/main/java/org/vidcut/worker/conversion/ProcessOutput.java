package org.vidcut.worker.conversion;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps the last lines ffmpeg printed (it runs with {@code -v error}, so they are its error messages) and
 * turns the last one into a failure reason without the presigned URL or local paths in it.
 */
final class ProcessOutput implements Appendable {

    private static final int MAX_LINES = 40;
    private static final int MAX_REASON = 300;
    private static final Pattern URL = Pattern.compile("\\b[a-zA-Z][a-zA-Z0-9+.-]*://\\S+");

    private final Deque<String> lines = new ArrayDeque<>();
    private final StringBuilder current = new StringBuilder();

    @Override
    public synchronized ProcessOutput append(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            append(text.charAt(i));
        }
        return this;
    }

    @Override
    public synchronized ProcessOutput append(CharSequence text, int start, int end) {
        return append(text.subSequence(start, end));
    }

    @Override
    public synchronized ProcessOutput append(char c) {
        if (c == '\n' || c == '\r') {
            endLine();
        } else if (current.length() < 2_000) {
            current.append(c);
        }
        return this;
    }

    synchronized List<String> lines() {
        endLine();
        return List.copyOf(lines);
    }

    /** The last non-blank line with {@code input} and {@code output} (and any other URL) masked. */
    String lastError(String input, String output) {
        var all = lines();
        for (int i = all.size() - 1; i >= 0; i--) {
            var line = all.get(i).strip();
            if (!line.isEmpty()) {
                return mask(line, input, output);
            }
        }
        return "ffmpeg failed without a message";
    }

    static String mask(String line, String input, String output) {
        var masked = line;
        if (input != null && !input.isEmpty()) {
            masked = masked.replace(input, "source");
        }
        if (output != null && !output.isEmpty()) {
            masked = masked.replace(output, "output");
        }
        masked = URL.matcher(masked).replaceAll("<url>");
        return masked.length() > MAX_REASON ? masked.substring(0, MAX_REASON) + "..." : masked;
    }

    private void endLine() {
        if (current.length() > 0) {
            lines.addLast(current.toString());
            current.setLength(0);
            while (lines.size() > MAX_LINES) {
                lines.removeFirst();
            }
        }
    }
}
