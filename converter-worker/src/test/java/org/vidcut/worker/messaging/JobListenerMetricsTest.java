package org.vidcut.worker.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import com.rabbitmq.client.Channel;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.vidcut.contracts.Accuracy;
import org.vidcut.contracts.ConversionJob;
import org.vidcut.contracts.MessageCodec;
import org.vidcut.contracts.Operations;
import org.vidcut.contracts.OutputFormat;
import org.vidcut.contracts.TrimMethod;
import org.vidcut.worker.conversion.ConversionFailed;
import org.vidcut.worker.conversion.ConversionMetrics;
import org.vidcut.worker.conversion.ConversionResult;
import org.vidcut.worker.conversion.Converter;

/** The listener reports busy jobs and classified failures to the worker's meters. */
class JobListenerMetricsTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ConversionMetrics metrics = new ConversionMetrics(registry);

    private JobListener listener(Converter converter) {
        return new JobListener(
                converter,
                mock(EventPublisher.class),
                new Lifecycle(),
                "w-1",
                Clock.fixed(NOW, ZoneOffset.UTC),
                metrics);
    }

    private static Message job() {
        var properties = new MessageProperties();
        properties.setDeliveryTag(7);
        return new Message(
                MessageCodec.encode(new ConversionJob(
                        "t-1",
                        1,
                        "originals/u/v",
                        "results/u/t-1/1.mp4",
                        10,
                        new Operations(0, 2, null, null, OutputFormat.MP4, Accuracy.EXACT, true),
                        NOW)),
                properties);
    }

    private double jobsInProgress() {
        return registry.get("vidcut.jobs.in.progress").gauge().value();
    }

    @Test
    void aJobCountsAsInProgressWhileItConverts() throws Exception {
        var seenDuringConversion = new AtomicReference<Double>();

        listener((job, progress) -> {
                    seenDuringConversion.set(jobsInProgress());
                    return new ConversionResult(
                            job.resultObjectKey(),
                            10,
                            1.0,
                            320,
                            240,
                            "h264",
                            "aac",
                            0.0,
                            1.0,
                            null,
                            null,
                            TrimMethod.REENCODE);
                })
                .onMessage(job(), mock(Channel.class));

        assertThat(seenDuringConversion.get()).isEqualTo(1.0);
        assertThat(jobsInProgress()).isZero();
        assertThat(registry.find("vidcut.ffmpeg.failures").counters()).isEmpty();
    }

    @Test
    void aFailedJobIsCountedUnderItsFailureKind() throws Exception {
        listener((job, progress) -> {
                    throw ConversionFailed.workerShuttingDown();
                })
                .onMessage(job(), mock(Channel.class));

        assertThat(registry.get("vidcut.ffmpeg.failures")
                        .tag("kind", "transient")
                        .counter()
                        .count())
                .isEqualTo(1.0);
        assertThat(jobsInProgress()).isZero();
    }
}
