package org.vidcut.benchmark;

import java.util.List;
import java.util.Locale;

/** The report's number formats and the median every row is built on (MB means 2^20 bytes). */
final class Format {

    static final double MB = 1024 * 1024;

    private Format() {}

    static String seconds(double value) {
        return String.format(Locale.ROOT, "%.2f s", value);
    }

    static String cpuSeconds(double value) {
        return String.format(Locale.ROOT, "%.3f s", value);
    }

    static String millis(double value) {
        return String.format(Locale.ROOT, "%.3f ms", value);
    }

    static String megabytes(double bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / MB);
    }

    static String list(List<Double> values) {
        return values.stream()
                .map(v -> String.format(Locale.ROOT, "%.2f", v))
                .reduce((a, b) -> a + ", " + b)
                .map(s -> "[" + s + "] s")
                .orElse("[]");
    }

    static String overBy(double amount, String unit) {
        return amount <= 0 ? "" : String.format(Locale.ROOT, "over by %.2f %s", amount, unit);
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        var sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
