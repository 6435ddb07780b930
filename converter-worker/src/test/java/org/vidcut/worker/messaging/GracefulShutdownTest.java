package org.vidcut.worker.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.support.GenericApplicationContext;
import org.vidcut.worker.conversion.ConversionService;

class GracefulShutdownTest {

    private final Lifecycle lifecycle = new Lifecycle();
    private final ConversionService conversions = mock(ConversionService.class);
    private final GenericApplicationContext context = new GenericApplicationContext();

    @Test
    void stopsTakingJobsAtOnceAndKillsRunningConversionsAfterTheGracePeriod() {
        var shutdown = new GracefulShutdown(lifecycle, conversions, Duration.ofMillis(300), context);

        shutdown.onApplicationEvent(new ContextClosedEvent(context));

        assertThat(lifecycle.stopping()).isTrue();
        verify(conversions, never()).stopAll();
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> verify(conversions).stopAll());
    }

    @Test
    void ignoresTheClosingOfAnotherContext() {
        var shutdown = new GracefulShutdown(lifecycle, conversions, Duration.ZERO, context);

        shutdown.onApplicationEvent(new ContextClosedEvent(new GenericApplicationContext()));

        assertThat(lifecycle.stopping()).isFalse();
    }
}
