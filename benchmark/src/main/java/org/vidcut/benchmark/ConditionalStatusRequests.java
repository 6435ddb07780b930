package org.vidcut.benchmark;

import java.util.List;

/**
 * {@code GET /v1/tasks/{id}} with {@code If-None-Match} under wrk: what a client that revalidates costs the service
 * (DESIGN.md: the task view has an {@code ETag}, a matching {@code If-None-Match} is answered 304). A server
 * without ETags answers 200: the row then says "n/a" rather than measuring full responses under another name.
 */
final class ConditionalStatusRequests implements Measurement {

    static final Target SERVICE_CPU = Target.atMost(0.1, "ms");
    private static final String MEASUREMENT =
            "GET /v1/tasks/{id} with a matching If-None-Match (304): CPU of the service per request";

    @Override
    public String row() {
        return "etag";
    }

    @Override
    public void measure(Session session) {
        var api = session.api();
        var taskId = session.findings().doneTaskId();
        var etag = api.etag(taskId);
        if (etag.isEmpty()) {
            session.report().notMeasured(MEASUREMENT, SERVICE_CPU.text(), "no ETag on the task view");
            return;
        }
        int before = api.conditionalStatus(taskId, etag.get());
        if (before != 304) {
            session.report()
                    .notMeasured(MEASUREMENT, SERVICE_CPU.text(), "If-None-Match answered " + before + ", not 304");
            return;
        }
        Console.step(
                "conditional status load: 3 s warm-up, then %d s measured",
                session.settings().loadDuration().toSeconds());
        var load = MeasuredLoad.run(session, taskId, List.of("If-None-Match: " + etag.get()));
        int after = api.conditionalStatus(taskId, etag.get());
        if (after != 304 || !load.clean()) {
            session.report()
                    .notMeasured(
                            MEASUREMENT,
                            SERVICE_CPU.text(),
                            "the load did not get 304s throughout (after it: " + after + ", non-2xx/3xx "
                                    + load.result().non2xx() + ")");
            session.report().detail("conditional status load: %s", load.describe());
            return;
        }
        session.report()
                .row(MEASUREMENT, Format.millis(load.serviceMillis()), load.split(), SERVICE_CPU, load.serviceMillis());
        session.report()
                .detail(
                        "conditional status load: 304 to If-None-Match %s before and after; %s",
                        etag.get(), load.describe());
    }
}
