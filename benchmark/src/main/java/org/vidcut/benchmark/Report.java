package org.vidcut.benchmark;

import java.util.ArrayList;
import java.util.List;

/** The result table (one row per target, each with its baseline from the same run) plus free-form details. */
final class Report {

    enum Result {
        PASS,
        MISS,
        /** The figure could not be taken in this run, e.g. the server lacks the feature it needs. */
        NOT_MEASURED,
        /** A figure printed for comparison, without a target of its own. */
        NO_TARGET
    }

    record Outcome(Result result, String note) {

        static Outcome pass(String note) {
            return new Outcome(Result.PASS, note);
        }

        static Outcome miss(String note) {
            return new Outcome(Result.MISS, note);
        }

        static Outcome of(boolean pass, String note) {
            return pass ? pass(note) : miss(note);
        }

        static Outcome notMeasured(String why) {
            return new Outcome(Result.NOT_MEASURED, why);
        }

        static Outcome noTarget() {
            return new Outcome(Result.NO_TARGET, "");
        }

        String text() {
            var word = switch (result) {
                case PASS -> "PASS";
                case MISS -> "MISS";
                case NOT_MEASURED -> "n/a";
                case NO_TARGET -> "-";
            };
            return word + (note.isEmpty() ? "" : " (" + note + ")");
        }
    }

    record Row(String measurement, String vidcut, String baseline, String target, Outcome outcome) {

        List<String> cells() {
            return List.of(measurement, vidcut, baseline, target, outcome.text());
        }
    }

    private static final List<String> HEADER =
            List.of("measurement", "vidcut", "baseline (same run)", "target", "result");

    private final List<Row> rows = new ArrayList<>();
    private final List<String> details = new ArrayList<>();

    /** A figure judged against its target. */
    void row(String measurement, String vidcut, String baseline, Target target, double value) {
        rows.add(new Row(measurement, vidcut, baseline, target.text(), target.judge(value)));
    }

    /** A row whose target is not a plain upper bound (a ratio, a throughput): the caller judges it. */
    void row(String measurement, String vidcut, String baseline, String target, Outcome outcome) {
        rows.add(new Row(measurement, vidcut, baseline, target, outcome));
    }

    void notMeasured(String measurement, String target, String why) {
        rows.add(new Row(measurement, "-", "-", target, Outcome.notMeasured(why)));
    }

    void detail(String format, Object... args) {
        details.add(format.formatted(args));
    }

    List<Row> rows() {
        return rows;
    }

    long misses() {
        return rows.stream().filter(r -> r.outcome().result() == Result.MISS).count();
    }

    String text() {
        var cells = new ArrayList<List<String>>();
        cells.add(HEADER);
        rows.forEach(row -> cells.add(row.cells()));
        var widths = new int[HEADER.size()];
        for (var line : cells) {
            for (int i = 0; i < line.size(); i++) {
                widths[i] = Math.max(widths[i], line.get(i).length());
            }
        }
        var out = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            var line = cells.get(r);
            var text = new StringBuilder();
            for (int i = 0; i < line.size(); i++) {
                text.append(i == 0 ? "" : " | ").append(pad(line.get(i), widths[i]));
            }
            out.append(text.toString().stripTrailing()).append('\n');
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
        out.append("| ").append(String.join(" | ", HEADER)).append(" |\n");
        out.append("|---|---|---|---|---|\n");
        for (var row : rows) {
            out.append("| ").append(String.join(" | ", row.cells())).append(" |\n");
        }
        out.append('\n');
        details.forEach(d -> out.append("- ").append(d).append('\n'));
        return out.toString();
    }

    private static String pad(String value, int width) {
        return value + " ".repeat(width - value.length());
    }
}
