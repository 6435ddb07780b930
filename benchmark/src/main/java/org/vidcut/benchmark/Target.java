package org.vidcut.benchmark;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * An upper bound a figure must stay within, printed next to it: {@code ≤ 0.15 s}. Figures and limit are in the
 * same unit; a miss says by how much.
 */
record Target(double limit, String unit, String text) {

    static Target atMost(double limit, String unit) {
        return new Target(
                limit,
                unit,
                "≤ " + BigDecimal.valueOf(limit).stripTrailingZeros().toPlainString() + " " + unit);
    }

    /** A limit computed in the run (e.g. raw + 0.30 s) shown by how it is defined. */
    static Target atMost(double limit, String unit, String text) {
        return new Target(limit, unit, text);
    }

    Report.Outcome judge(double value) {
        if (Double.isNaN(value)) {
            return Report.Outcome.notMeasured("no figure");
        }
        if (value <= limit) {
            return Report.Outcome.pass("");
        }
        return Report.Outcome.miss(String.format(Locale.ROOT, "over by %s %s", amount(value - limit), unit));
    }

    /** Three significant digits: 0.000123 ms and 12.3 s alike. */
    private static String amount(double value) {
        return new BigDecimal(value)
                .round(new java.math.MathContext(3))
                .stripTrailingZeros()
                .toPlainString();
    }
}
