package org.vidcut.api.task;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;

/** Reads the times of a task request: JSON numbers of seconds, or strings {@code HH:MM:SS(.mmm)} and {@code SS.mmm}. */
final class TaskTimes {

    private static final Pattern CLOCK = Pattern.compile("(\\d+):([0-5]\\d):([0-5]\\d(?:\\.\\d+)?)");
    private static final Pattern SECONDS = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final String EXPECTED = "must be seconds (a number such as 12.5) or a time \"HH:MM:SS.mmm\"";

    private TaskTimes() {}

    /**
     * @return the time in seconds, or null when the field is absent
     * @throws InvalidTaskRequest naming {@code field} when the value is not a non-negative time
     */
    static Double parse(String field, Object value) {
        if (value == null) {
            return null;
        }
        BigDecimal seconds;
        if (value instanceof Number number) {
            seconds = decimal(field, number);
        } else if (value instanceof String text) {
            seconds = parseText(field, text.trim());
        } else {
            throw new InvalidTaskRequest(field, EXPECTED);
        }
        if (seconds.signum() < 0) {
            throw new InvalidTaskRequest(field, "must not be negative");
        }
        return seconds.doubleValue();
    }

    private static BigDecimal decimal(String field, Number number) {
        if (number instanceof BigDecimal decimal) {
            return decimal;
        }
        if (number instanceof BigInteger integer) {
            return new BigDecimal(integer);
        }
        if (number instanceof Integer || number instanceof Long || number instanceof Short) {
            return BigDecimal.valueOf(number.longValue());
        }
        double d = number.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new InvalidTaskRequest(field, EXPECTED);
        }
        return BigDecimal.valueOf(d);
    }

    private static BigDecimal parseText(String field, String text) {
        if (text.startsWith("-")) {
            throw new InvalidTaskRequest(field, "must not be negative");
        }
        var clock = CLOCK.matcher(text);
        if (clock.matches()) {
            var hours = new BigDecimal(clock.group(1));
            var minutes = new BigDecimal(clock.group(2));
            var seconds = new BigDecimal(clock.group(3));
            return hours.multiply(BigDecimal.valueOf(3600))
                    .add(minutes.multiply(BigDecimal.valueOf(60)))
                    .add(seconds);
        }
        if (SECONDS.matcher(text).matches()) {
            return new BigDecimal(text);
        }
        throw new InvalidTaskRequest(field, EXPECTED);
    }
}
