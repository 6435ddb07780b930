package org.vidcut.worker.conversion;

import java.util.Map;
import net.bramp.ffmpeg.progress.Progress;
import net.bramp.ffmpeg.progress.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Decouples how often ffmpeg reports (twice a second, or never while it waits for input) from how often a
 * progress event goes out: ffmpeg only updates the latest value, {@link #beat()} is called once per heartbeat
 * interval and always publishes, so the api's reaper sees a steady heartbeat and no flood.
 */
final class Heartbeat implements ProgressListener {

    private static final Logger log = LoggerFactory.getLogger(Heartbeat.class);

    private final double expectedSeconds;
    private final ProgressSink sink;
    private final Map<String, String> logContext;
    private volatile double latest;
    private boolean stopped;

    Heartbeat(double expectedSeconds, ProgressSink sink, Map<String, String> logContext) {
        this.expectedSeconds = expectedSeconds;
        this.sink = sink;
        this.logContext = logContext;
    }

    @Override
    public void progress(Progress progress) {
        var percent = ProgressPercent.of(progress.out_time_ns, expectedSeconds);
        // progress never goes backwards in the api's view, even when ffmpeg's clock does at the start
        if (percent > latest) {
            latest = percent;
        }
    }

    double latest() {
        return latest;
    }

    /** Publishes the latest value; serialised with {@link #stop()} so no beat follows the terminal event. */
    synchronized void beat() {
        if (stopped) {
            return;
        }
        var previous = MDC.getCopyOfContextMap();
        if (logContext != null) {
            MDC.setContextMap(logContext);
        }
        try {
            sink.progress(latest);
        } catch (RuntimeException e) {
            // an exception would cancel the periodic task, and with it every later heartbeat of this job
            log.warn("progress not reported: {}", e.toString());
        } finally {
            if (previous == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(previous);
            }
        }
    }

    /** After this returns no beat runs or will run. */
    synchronized void stop() {
        stopped = true;
    }
}
