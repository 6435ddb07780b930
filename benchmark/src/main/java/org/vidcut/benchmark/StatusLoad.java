package org.vidcut.benchmark;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** GET /v1/tasks/{id} under load from a separate process: wrk with HTTP/1.1 keep-alive connections. */
final class StatusLoad {

    private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
    private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
    private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses:\\s+(\\d+)");
    private static final Pattern SOCKET_ERRORS = Pattern.compile("Socket errors:(.*)");
    private static final Pattern READ = Pattern.compile("requests in [\\d.]+\\w+, ([\\d.]+)(B|KB|MB|GB) read");

    private StatusLoad() {}

    record Result(
            double requestsPerSecond,
            long requests,
            long non2xx,
            String socketErrors,
            double p50Millis,
            double p90Millis,
            double p99Millis,
            double bytesRead,
            String command) {

        /** Status line, headers and body: a 304 is a few hundred bytes, a task view with its links over a kilobyte. */
        double bytesPerResponse() {
            return bytesRead / Math.max(1, requests);
        }
    }

    /** {@code headers}: extra request headers besides the Bearer token, e.g. {@code If-None-Match: "…"}. */
    static Result run(URI url, String token, List<String> headers, int threads, int connections, Duration duration) {
        var command = new ArrayList<>(List.of(
                "wrk",
                "-t" + threads,
                "-c" + connections,
                "-d" + duration.toSeconds() + "s",
                "--latency",
                "-H",
                "Authorization: Bearer " + token));
        var shown = new StringBuilder("wrk -t" + threads + " -c" + connections + " -d" + duration.toSeconds()
                + "s --latency -H 'Authorization: Bearer …'");
        for (var header : headers) {
            command.addAll(List.of("-H", header));
            shown.append(" -H '").append(header).append('\'');
        }
        command.add(url.toString());
        shown.append(' ').append(url.getPath());
        var output = Processes.check(command, duration.plusSeconds(60)).output();
        return new Result(
                number(RATE, output),
                (long) number(TOTAL, output),
                NON_2XX.matcher(output).find() ? (long) number(NON_2XX, output) : 0,
                socketErrors(output),
                percentile(output, "50%"),
                percentile(output, "90%"),
                percentile(output, "99%"),
                bytesRead(output),
                shown.toString());
    }

    private static String socketErrors(String output) {
        var m = SOCKET_ERRORS.matcher(output);
        return m.find() ? m.group(1).strip() : "";
    }

    private static double number(Pattern pattern, String output) {
        var m = pattern.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("unexpected wrk output:\n" + output);
        }
        return Double.parseDouble(m.group(1));
    }

    /** wrk prints e.g. {@code 29623 requests in 10.08s, 21.55MB read} (units of 1024). */
    static double bytesRead(String output) {
        var m = READ.matcher(output);
        if (!m.find()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "B" -> value;
            case "KB" -> value * 1024;
            case "MB" -> value * 1024 * 1024;
            default -> value * 1024 * 1024 * 1024;
        };
    }

    /** wrk prints e.g. {@code 99%   12.34ms}, with units us, ms, s or m. */
    static double percentile(String output, String label) {
        var m = Pattern.compile("^\\s*" + Pattern.quote(label) + "\\s+([\\d.]+)(us|ms|s|m)\\s*$", Pattern.MULTILINE)
                .matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no " + label + " latency in wrk output:\n" + output);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "ms" -> value;
            case "s" -> value * 1000;
            default -> value * 60_000;
        };
    }
}
