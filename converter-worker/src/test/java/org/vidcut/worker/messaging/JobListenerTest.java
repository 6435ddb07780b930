package org.vidcut.worker.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.mockingDetails;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.rabbitmq.client.Channel;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.vidcut.contracts.Accuracy;
import org.vidcut.contracts.ConversionJob;
import org.vidcut.contracts.FailureKind;
import org.vidcut.contracts.MessageCodec;
import org.vidcut.contracts.Operations;
import org.vidcut.contracts.OutputFormat;
import org.vidcut.contracts.TaskEvent;
import org.vidcut.contracts.TrimMethod;
import org.vidcut.worker.conversion.ConversionCanceled;
import org.vidcut.worker.conversion.ConversionFailed;
import org.vidcut.worker.conversion.ConversionMetrics;
import org.vidcut.worker.conversion.ConversionResult;
import org.vidcut.worker.conversion.Converter;

/** The listener's decisions with a mocked channel and publisher; the broker round trip is JobListenerRabbitTest. */
class JobListenerTest {

    private static final long TAG = 42;
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private final Channel channel = mock(Channel.class);
    private final EventPublisher events = mock(EventPublisher.class);
    private final Lifecycle lifecycle = new Lifecycle();
    private final List<TaskEvent> published = new ArrayList<>();
    private final AtomicInteger conversions = new AtomicInteger();
    private Converter converter = (job, progress) -> {
        conversions.incrementAndGet();
        return new ConversionResult(
                job.resultObjectKey(), 10, 1.0, 320, 240, "h264", "aac", 0.0, 1.0, null, null, TrimMethod.REENCODE);
    };

    @BeforeEach
    void recordEvents() {
        doAnswer(invocation -> published.add(invocation.getArgument(0)))
                .when(events)
                .publish(any());
    }

    private JobListener listener() {
        Converter delegating = (job, progress) -> converter.convert(job, progress);
        return new JobListener(
                delegating,
                events,
                lifecycle,
                "w-1",
                Clock.fixed(NOW, ZoneOffset.UTC),
                ConversionMetrics.unregistered());
    }

    private static Message message(byte[] body) {
        var properties = new MessageProperties();
        properties.setDeliveryTag(TAG);
        return new Message(body, properties);
    }

    private static Message job() {
        return message(MessageCodec.encode(new ConversionJob(
                "t-1",
                3,
                "originals/u/v",
                "results/u/t-1/3.mp4",
                10,
                new Operations(0, 2, null, null, OutputFormat.MP4, Accuracy.EXACT, true),
                NOW)));
    }

    @Test
    void acksAsSoonAsTheStartIsConfirmedAndBeforeTheConversionRuns() throws Exception {
        converter = (job, progress) -> {
            conversions.incrementAndGet();
            assertThat(mockingDetails(channel).getInvocations())
                    .as("acknowledged before the conversion runs")
                    .anyMatch(call -> call.getMethod().getName().equals("basicAck"));
            return new ConversionResult(
                    job.resultObjectKey(), 10, 1.0, 320, 240, "h264", "aac", 0.0, 1.0, null, null, TrimMethod.REENCODE);
        };

        listener().onMessage(job(), channel);

        var order = inOrder(events, channel);
        order.verify(events).publish(any(TaskEvent.Started.class));
        order.verify(channel).basicAck(TAG, false);
        order.verify(events).publish(any(TaskEvent.Succeeded.class));
        assertThat(conversions).hasValue(1);
        assertThat(published.get(1))
                .isEqualTo(new TaskEvent.Succeeded(
                        "t-1",
                        3,
                        "w-1",
                        NOW,
                        "results/u/t-1/3.mp4",
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
                        TrimMethod.REENCODE));
    }

    @Test
    void rejectsAnUnreadableMessageWithoutRequeueAndPublishesNothing() throws Exception {
        listener().onMessage(message("{\"type\":\"nonsense\"}".getBytes(StandardCharsets.UTF_8)), channel);

        verify(channel).basicReject(TAG, false);
        verify(channel, never()).basicAck(anyLong(), anyBoolean());
        assertThat(published).isEmpty();
        assertThat(conversions).hasValue(0);
    }

    @Test
    void rejectsAnEventSentToTheJobQueueAsPoison() throws Exception {
        var event = new TaskEvent.Started("t-1", 1, "w", NOW);

        listener().onMessage(message(MessageCodec.encode(event)), channel);

        verify(channel).basicReject(TAG, false);
    }

    @Test
    void aStoppingWorkerHandsTheJobBackUntouched() throws Exception {
        lifecycle.stop();

        listener().onMessage(job(), channel);

        verify(channel).basicNack(TAG, false, true);
        assertThat(conversions).hasValue(0);
        assertThat(published).isEmpty();
    }

    @Test
    void aJobGivenUpForShutdownIsReportedTransientAndAcked() throws Exception {
        converter = (job, progress) -> {
            throw ConversionFailed.workerShuttingDown();
        };

        listener().onMessage(job(), channel);

        assertThat(published.get(1))
                .isEqualTo(new TaskEvent.Failed("t-1", 3, "w-1", NOW, FailureKind.TRANSIENT, "worker shutting down"));
        verify(channel).basicAck(TAG, false);
    }

    @Test
    void aJobWhoseStartIsNotConfirmedIsHandedBackWithoutRunning() throws Exception {
        var tries = new AtomicInteger();
        doAnswer(invocation -> {
                    if (tries.incrementAndGet() == 2) {
                        // the pauses between tries end early when the worker stops; the job still goes back unrun
                        lifecycle.stop();
                    }
                    throw new EventNotConfirmed("broker did not confirm", null);
                })
                .when(events)
                .publish(any(TaskEvent.Started.class));

        listener().onMessage(job(), channel);

        assertThat(tries).hasValue(2);
        verify(channel).basicNack(TAG, false, true);
        verify(channel, never()).basicAck(anyLong(), anyBoolean());
        assertThat(conversions).hasValue(0);
    }

    @Test
    void anUnconfirmedOutcomeIsPublishedAgainUntilTheBrokerConfirmsIt() throws Exception {
        var refusals = new AtomicInteger();
        doAnswer(invocation -> {
                    if (refusals.incrementAndGet() <= 2) {
                        throw new EventNotConfirmed("broker did not confirm", null);
                    }
                    return published.add(invocation.getArgument(0));
                })
                .when(events)
                .publish(any(TaskEvent.Succeeded.class));

        listener().onMessage(job(), channel);

        verify(channel).basicAck(TAG, false);
        verify(channel, never()).basicNack(anyLong(), anyBoolean(), anyBoolean());
        assertThat(refusals).hasValue(3);
        assertThat(published).last().isInstanceOf(TaskEvent.Succeeded.class);
    }

    @Test
    void anUnconfirmedProgressEventDoesNotStopTheJob() throws Exception {
        doThrow(new EventNotConfirmed("broker did not confirm", null))
                .when(events)
                .publish(any(TaskEvent.Progress.class));
        converter = (job, progress) -> {
            progress.progress(10);
            conversions.incrementAndGet();
            return new ConversionResult(
                    job.resultObjectKey(), 10, 1.0, null, null, null, "mp3", 0.0, 1.0, null, null, TrimMethod.REENCODE);
        };

        listener().onMessage(job(), channel);

        assertThat(conversions).hasValue(1);
        assertThat(published).last().isInstanceOf(TaskEvent.Succeeded.class);
    }

    @Test
    void aCanceledConversionReportsNothingMore() throws Exception {
        converter = (job, progress) -> {
            throw new ConversionCanceled();
        };

        listener().onMessage(job(), channel);

        verify(channel).basicAck(TAG, false);
        assertThat(published).singleElement().isInstanceOf(TaskEvent.Started.class);
    }
}
