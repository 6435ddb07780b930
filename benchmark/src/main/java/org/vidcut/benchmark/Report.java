package org.vidcut.benchmark;

import java.util.ArrayList;
import java.util.List;

/** The result table (one row per target, each with its baseline from the same run) plus free-form details. */
final class Report {

    record Row(String measurement, String vidcut, String baseline, String target, Boolean pass, String verdict) {

        String result() {
            if (pass == null) {
                return "n/a";
            }
            return (pass ? "PASS" : "MISS") + (verdict.isEmpty() ? "" : " (" + verdict + ")");
        }
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> details = new ArrayList<>();

    void row(String measurement, String vidcut, String baseline, String target, Boolean pass, String verdict) {
        rows.add(new Row(measurement, vidcut, baseline, target, pass, verdict));
    }

    void detail(String format, Object... args) {
        details.add(format.formatted(args));
    }

    List<Row> rows() {
        return rows;
    }

    String text() {
        var header = new String[] {"measurement", "vidcut", "baseline (same run)", "target", "result"};
        var cells = new ArrayList<String[]>();
        cells.add(header);
        for (var row : rows) {
            cells.add(new String[] {row.measurement(), row.vidcut(), row.baseline(), row.target(), row.result()});
        }
        var widths = new int[header.length];
        for (var line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        var out = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            var line = cells.get(r);
            for (int i = 0; i < line.length; i++) {
                out.append(i == 0 ? "" : " | ").append(pad(line[i], widths[i]));
            }
            out.append('\n');
            if (r == 0) {
                for (int i = 0; i < widths.length; i++) {
                    out.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
                }
                out.append('\n');
            }
        }
        out.append('\n');
        details.forEach(d -> out.append(d).append('\n'));
        return out.toString();
    }

    String markdown() {
        var out = new StringBuilder();
        out.append("| measurement | vidcut | baseline (same run) | target | result |\n");
        out.append("|---|---|---|---|---|\n");
        for (var row : rows) {
            out.append("| ")
                    .append(String.join(
                            " | ",
                            List.of(row.measurement(), row.vidcut(), row.baseline(), row.target(), row.result())))
                    .append(" |\n");
        }
        out.append('\n');
        details.forEach(d -> out.append("- ").append(d).append('\n'));
        return out.toString();
    }

    private static String pad(String value, int width) {
        return value + " ".repeat(width - value.length());
    }
}
