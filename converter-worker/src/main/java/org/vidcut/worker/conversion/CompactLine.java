package org.vidcut.worker.conversion;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One line of ffprobe's {@code -of compact} output: the section name, then {@code key=value} fields separated
 * by {@code |}. Lines of other shapes (an error message mixed into the output) are not sections.
 */
record CompactLine(String section, Map<String, String> fields) {

    static Optional<CompactLine> parse(String line) {
        var parts = line.strip().split("\\|");
        if (parts.length < 2 || parts[0].isEmpty() || parts[0].contains("=") || parts[0].contains(" ")) {
            return Optional.empty();
        }
        var fields = new LinkedHashMap<String, String>();
        for (int i = 1; i < parts.length; i++) {
            var equals = parts[i].indexOf('=');
            if (equals > 0) {
                fields.putIfAbsent(parts[i].substring(0, equals), parts[i].substring(equals + 1));
            }
        }
        return Optional.of(new CompactLine(parts[0], fields));
    }

    String text(String key) {
        var value = fields.get(key);
        return value == null || value.equals("N/A") || value.equals("unknown") ? "" : value;
    }

    /** The field as a number, or NaN when absent or not a number. */
    double number(String key) {
        try {
            return Double.parseDouble(text(key));
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
