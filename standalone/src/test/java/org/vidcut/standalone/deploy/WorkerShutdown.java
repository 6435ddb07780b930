package org.vidcut.standalone.deploy;

import java.lang.reflect.Field;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.convert.DurationStyle;

/**
 * How a worker stops, from its environment over its defaults file: running jobs get
 * {@code vidcut.worker.shutdown-grace-period}, then ffmpeg is killed and the job is handed back for a new
 * attempt; the listener container waits the grace period plus a fixed margin for that to happen.
 */
record WorkerShutdown(
        Duration timeoutBase, Duration timeoutPerInputSecond, Duration gracePeriod, Duration shutdownPhase) {

    /** The annotation on the worker Deployment that documents how long an input a stopping worker finishes. */
    static final String ANNOTATION = "vidcut.org/drained-input-seconds";

    /** Spring's default for {@code spring.lifecycle.timeout-per-shutdown-phase}. */
    private static final Duration DEFAULT_SHUTDOWN_PHASE = Duration.ofSeconds(30);

    static WorkerShutdown of(ServiceModule worker, Map<String, String> environment) {
        String phase = environment.getOrDefault(
                "SPRING_LIFECYCLE_TIMEOUT_PER_SHUTDOWN_PHASE",
                worker.defaults().getProperty("spring.lifecycle.timeout-per-shutdown-phase"));
        return new WorkerShutdown(
                duration(worker, environment, "vidcut.worker.timeout-base"),
                duration(worker, environment, "vidcut.worker.timeout-per-input-second"),
                duration(worker, environment, "vidcut.worker.shutdown-grace-period"),
                phase == null ? DEFAULT_SHUTDOWN_PHASE : DurationStyle.detectAndParse(phase.strip()));
    }

    /** The worker's own time limit for a job whose input is this long. */
    Duration jobTimeout(long inputSeconds) {
        return timeoutBase.plus(timeoutPerInputSecond.multipliedBy(inputSeconds));
    }

    /** How long the worker process may take to exit after SIGTERM. */
    Duration exitWithin() {
        Duration containerWait = gracePeriod.plus(containerMargin());
        return containerWait.compareTo(shutdownPhase) > 0 ? containerWait : shutdownPhase;
    }

    /** The margin the worker's listener container adds to the grace period before giving up on a job. */
    static Duration containerMargin() {
        try {
            Field margin = Class.forName("org.vidcut.worker.messaging.MessagingConfiguration")
                    .getDeclaredField("SHUTDOWN_MARGIN_MILLIS");
            margin.setAccessible(true);
            return Duration.ofMillis(margin.getLong(null));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the worker's shutdown margin moved; update WorkerShutdown", e);
        }
    }

    private static Duration duration(ServiceModule worker, Map<String, String> environment, String property) {
        String variable = property.replace('.', '_').replace('-', '_').toUpperCase(java.util.Locale.ROOT);
        String value = environment.getOrDefault(variable, worker.defaults().getProperty(property));
        if (value == null) {
            throw new IllegalStateException(property + " is set neither in the environment nor in the defaults");
        }
        return DurationStyle.detectAndParse(value.strip());
    }
}
