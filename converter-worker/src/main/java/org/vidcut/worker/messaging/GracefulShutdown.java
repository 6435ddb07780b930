package org.vidcut.worker.messaging;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.vidcut.worker.conversion.ConversionService;

/**
 * On context close (before the listener container stops): no new jobs are taken, running jobs get the grace
 * period, then their ffmpeg is killed. Those jobs then publish Failed TRANSIENT "worker shutting down" and are
 * acked, so the api schedules a new attempt at once instead of waiting for the heartbeat timeout. The container
 * waits for this (its shutdown timeout is the grace period plus a margin).
 */
class GracefulShutdown implements ApplicationListener<ContextClosedEvent> {

    private static final Logger log = LoggerFactory.getLogger(GracefulShutdown.class);

    private final Lifecycle lifecycle;
    private final ConversionService conversions;
    private final Duration gracePeriod;
    private final ApplicationContext context;

    GracefulShutdown(
            Lifecycle lifecycle, ConversionService conversions, Duration gracePeriod, ApplicationContext context) {
        this.lifecycle = lifecycle;
        this.context = context;
        this.conversions = conversions;
        this.gracePeriod = gracePeriod;
    }

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        if (event.getApplicationContext() != context) {
            return;
        }
        lifecycle.stop();
        var running = conversions.runningCount();
        if (running > 0) {
            log.info("shutting down: {} conversion(s) running get {} to finish", running, gracePeriod);
        }
        CompletableFuture.delayedExecutor(gracePeriod.toMillis(), TimeUnit.MILLISECONDS)
                .execute(conversions::stopAll);
    }
}
