package org.vidcut.benchmark;

import java.util.List;
import java.util.Locale;

/** {@code GET /v1/tasks/{id}} under wrk: CPU of the service per request, requests per second and latency. */
final class StatusRequests implements Measurement {

    static final Target SERVICE_CPU = Target.atMost(0.25, "ms");

    @Override
    public String row() {
        return "status";
    }

    @Override
    public void measure(Session session) {
        Console.step(
                "status load: 3 s warm-up, then %d s measured",
                session.settings().loadDuration().toSeconds());
        var load = MeasuredLoad.run(session, session.findings().doneTaskId(), List.of());
        var result = load.result();
        var report = session.report();
        report.row(
                "GET /v1/tasks/{id}: CPU of the service per request (api threads, stand-ins apart)",
                Format.millis(load.serviceMillis()),
                load.split(),
                SERVICE_CPU,
                load.serviceMillis());
        report.row(
                "GET /v1/tasks/{id}: requests per second",
                String.format(Locale.ROOT, "%.0f req/s", result.requestsPerSecond()),
                "-",
                "≥ 5,000 req/s",
                Report.Outcome.of(
                        result.requestsPerSecond() >= 5000 && load.clean(),
                        load.clean()
                                ? String.format(Locale.ROOT, "%.0f %%", result.requestsPerSecond() / 50)
                                : "errors"));
        report.row(
                "GET /v1/tasks/{id}: latency p99 (p50)",
                String.format(Locale.ROOT, "%.1f ms (%.2f ms)", result.p99Millis(), result.p50Millis()),
                "-",
                "p99 ≤ 20 ms",
                Report.Outcome.of(
                        result.p99Millis() <= 20 && load.clean(), Format.overBy(result.p99Millis() - 20, "ms")));
        report.detail(
                "status load: %s (5,000 req/s on 2 cores needs < 0.40 ms per request, less what wrk itself uses)",
                load.describe());
    }
}
