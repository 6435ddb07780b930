package org.vidcut.benchmark;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * wrk on {@code GET /v1/tasks/{id}} of a finished task (3 s warm-up, then the measured run) with the standalone
 * JVM's CPU over the measured run, per thread group and whole, turned into CPU per request.
 */
record MeasuredLoad(StatusLoad.Result result, ThreadCpu.Split threads, double jvmCpuSeconds) {

    static MeasuredLoad run(Session session, String taskId, List<String> headers) {
        var settings = session.settings();
        var url = session.api().taskUri(taskId);
        var token = session.api().token();
        StatusLoad.run(url, token, headers, settings.loadThreads(), settings.loadConnections(), Duration.ofSeconds(3));
        double jvmBefore = Processes.cpuSeconds(session.pid());
        var threadsBefore = ThreadCpu.take(session.pid());
        var result = StatusLoad.run(
                url, token, headers, settings.loadThreads(), settings.loadConnections(), settings.loadDuration());
        var threads = ThreadCpu.take(session.pid()).since(threadsBefore);
        return new MeasuredLoad(result, threads, Processes.cpuSeconds(session.pid()) - jvmBefore);
    }

    private double requests() {
        return Math.max(1, result.requests());
    }

    /** The service's CPU per request (api threads, stand-ins and the JVM's own apart), in milliseconds. */
    double serviceMillis() {
        return 1000 * threads.service() / requests();
    }

    /** The baseline cell: the same CPU split by component. */
    String split() {
        return String.format(
                Locale.ROOT,
                "Tomcat %.3f ms + rest of the service %.3f ms; stand-ins %.3f ms, JVM %.3f ms, whole JVM %.3f ms",
                1000 * threads.http() / requests(),
                1000 * threads.serviceWithoutHttp() / requests(),
                1000 * threads.standIns() / requests(),
                1000 * threads.jvm() / requests(),
                1000 * jvmCpuSeconds / requests());
    }

    boolean clean() {
        return result.non2xx() == 0 && result.socketErrors().isEmpty();
    }

    String describe() {
        return String.format(
                Locale.ROOT,
                "`%s` from a separate process on the same cores; %d requests, %.0f req/s, non-2xx/3xx %d, socket"
                        + " errors '%s', p50 %.2f ms, p90 %.1f ms, p99 %.1f ms, %.0f bytes per response; the standalone"
                        + " JVM used %.1f CPU-seconds",
                result.command(),
                result.requests(),
                result.requestsPerSecond(),
                result.non2xx(),
                result.socketErrors(),
                result.p50Millis(),
                result.p90Millis(),
                result.p99Millis(),
                result.bytesPerResponse(),
                jvmCpuSeconds);
    }
}
