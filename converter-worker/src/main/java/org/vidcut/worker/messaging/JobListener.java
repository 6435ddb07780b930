package org.vidcut.worker.messaging;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import org.vidcut.contracts.ConversionJob;
import org.vidcut.contracts.MessageCodec;
import org.vidcut.contracts.TaskEvent;
import org.vidcut.worker.conversion.ConversionMetrics;
import org.vidcut.worker.conversion.Converter;
import org.vidcut.worker.conversion.FailurePolicy;

/**
 * Takes one job at a time per consumer (manual ack, prefetch 1). The job is acked only once its terminal event
 * (Succeeded or Failed) is confirmed by the broker, so a worker dying at any point loses nothing: the broker
 * redelivers the job. A body that cannot be decoded is rejected without requeue, into the dead-letter queue.
 */
class JobListener implements ChannelAwareMessageListener {

    private static final Logger log = LoggerFactory.getLogger(JobListener.class);
    static final String TASK_ID = "task_id";
    static final String ATTEMPT = "attempt";

    private final Converter conversions;
    private final EventPublisher events;
    private final Lifecycle lifecycle;
    private final String workerId;
    private final Clock clock;
    private final ConversionMetrics metrics;

    JobListener(Converter conversions, EventPublisher events, Lifecycle lifecycle, String workerId, Clock clock) {
        this(conversions, events, lifecycle, workerId, clock, ConversionMetrics.unregistered());
    }

    JobListener(
            Converter conversions,
            EventPublisher events,
            Lifecycle lifecycle,
            String workerId,
            Clock clock,
            ConversionMetrics metrics) {
        this.metrics = metrics;
        this.conversions = conversions;
        this.events = events;
        this.lifecycle = lifecycle;
        this.workerId = workerId;
        this.clock = clock;
    }

    @Override
    public void onMessage(Message message, Channel channel) throws IOException {
        var deliveryTag = message.getMessageProperties().getDeliveryTag();
        ConversionJob job;
        try {
            job = MessageCodec.decode(message.getBody(), ConversionJob.class);
        } catch (MessageCodec.UnreadableMessage e) {
            log.error(
                    "rejecting unreadable job message {} to the dead-letter queue: {}",
                    describe(message),
                    e.getMessage());
            channel.basicReject(deliveryTag, false);
            return;
        }
        if (lifecycle.stopping()) {
            // nothing was published for this delivery yet: hand it back untouched for another worker
            channel.basicNack(deliveryTag, false, true);
            return;
        }
        MDC.put(TASK_ID, job.taskId());
        MDC.put(ATTEMPT, Integer.toString(job.attempt()));
        metrics.jobStarted();
        try {
            process(job, deliveryTag, channel);
        } finally {
            metrics.jobEnded();
            MDC.remove(TASK_ID);
            MDC.remove(ATTEMPT);
        }
    }

    private void process(ConversionJob job, long deliveryTag, Channel channel) throws IOException {
        log.info("job received{}", job.operations() == null ? "" : ": " + job.operations());
        publishQuietly(new TaskEvent.Started(job.taskId(), job.attempt(), workerId, clock.instant()));
        TaskEvent terminal;
        try {
            var result = conversions.convert(
                    job,
                    percent -> publishQuietly(
                            new TaskEvent.Progress(job.taskId(), job.attempt(), workerId, clock.instant(), percent)));
            terminal = new TaskEvent.Succeeded(
                    job.taskId(),
                    job.attempt(),
                    workerId,
                    clock.instant(),
                    result.resultObjectKey(),
                    result.sizeBytes(),
                    result.durationSeconds(),
                    result.width(),
                    result.height(),
                    result.videoCodec(),
                    result.audioCodec());
            log.info("job succeeded: {} bytes, {} s", result.sizeBytes(), result.durationSeconds());
        } catch (RuntimeException e) {
            var failure = FailurePolicy.classify(e);
            log.warn("job failed ({}): {}", failure.kind().id(), failure.reason());
            metrics.jobFailed(failure.kind());
            log.debug("job failure detail", e);
            terminal = new TaskEvent.Failed(
                    job.taskId(), job.attempt(), workerId, clock.instant(), failure.kind(), failure.reason());
        }
        try {
            events.publish(terminal);
        } catch (EventNotConfirmed e) {
            // unacked, the job comes back (to this or another worker) and its outcome is reported then
            log.error("terminal event not confirmed, returning the job to the queue: {}", e.getMessage());
            channel.basicNack(deliveryTag, false, true);
            return;
        }
        channel.basicAck(deliveryTag, false);
    }

    private void publishQuietly(TaskEvent event) {
        try {
            events.publish(event);
        } catch (EventNotConfirmed e) {
            // a lost start or progress event costs at most a heartbeat; the terminal event decides the ack
            log.warn("{} event not confirmed: {}", event.getClass().getSimpleName(), e.getMessage());
        }
    }

    private static String describe(Message message) {
        var properties = message.getMessageProperties();
        return "(delivery " + properties.getDeliveryTag() + ", " + message.getBody().length + " bytes, id "
                + properties.getMessageId() + ")";
    }
}
