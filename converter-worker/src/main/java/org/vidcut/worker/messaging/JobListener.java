package org.vidcut.worker.messaging;

import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import org.vidcut.contracts.ConversionJob;
import org.vidcut.contracts.MessageCodec;
import org.vidcut.contracts.TaskEvent;
import org.vidcut.support.logging.TaskLogContext;
import org.vidcut.worker.conversion.ConversionCanceled;
import org.vidcut.worker.conversion.ConversionMetrics;
import org.vidcut.worker.conversion.Converter;
import org.vidcut.worker.conversion.FailurePolicy;

/**
 * Runs one job per delivery. The job is acknowledged as soon as the broker confirmed its Started event, before
 * ffmpeg runs: from then on the api owns it through the task's heartbeats (a silent worker's task gets a new
 * attempt), so a conversion may take longer than the broker's consumer timeout without being handed out again. A
 * job whose start cannot be reported is handed back unrun. A body that cannot be decoded is rejected without
 * requeue, into the dead-letter queue.
 */
class JobListener implements ChannelAwareMessageListener {

    private static final Logger log = LoggerFactory.getLogger(JobListener.class);
    /** A start or an outcome is published this often at most, with pauses from 0.5 s doubling up to 8 s. */
    private static final int PUBLISH_TRIES = 6;

    private static final Duration FIRST_RETRY_PAUSE = Duration.ofMillis(500);

    private final Converter conversions;
    private final EventPublisher events;
    private final Lifecycle lifecycle;
    private final String workerId;
    private final Clock clock;
    private final ConversionMetrics metrics;

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
        metrics.jobStarted();
        try (var logContext = TaskLogContext.open(job.taskId(), job.attempt())) {
            process(job, deliveryTag, channel);
        } finally {
            metrics.jobEnded();
        }
    }

    private void process(ConversionJob job, long deliveryTag, Channel channel) throws IOException {
        log.info("job received{}", job.operations() == null ? "" : ": " + job.operations());
        if (!publishPatiently(new TaskEvent.Started(job.taskId(), job.attempt(), workerId, clock.instant()))) {
            // unacked, the job comes back (to this or another worker); nothing ran that the api does not know of
            log.warn("start not confirmed, returning the job to the queue");
            channel.basicNack(deliveryTag, false, true);
            return;
        }
        channel.basicAck(deliveryTag, false);
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
                    result.audioCodec(),
                    result.startSeconds(),
                    result.endSeconds());
            log.info("job succeeded: {} bytes, {} s", result.sizeBytes(), result.durationSeconds());
        } catch (ConversionCanceled e) {
            log.info("job canceled: ffmpeg stopped, nothing kept");
            return;
        } catch (RuntimeException e) {
            var failure = FailurePolicy.classify(e);
            log.warn("job failed ({}): {}", failure.kind().id(), failure.reason());
            metrics.jobFailed(failure.kind());
            log.debug("job failure detail", e);
            terminal = new TaskEvent.Failed(
                    job.taskId(), job.attempt(), workerId, clock.instant(), failure.kind(), failure.reason());
        }
        if (!publishPatiently(terminal)) {
            log.error("outcome not confirmed; the api gives the task a new attempt once its heartbeats stop");
        }
    }

    /**
     * Publishes a start or an outcome, trying a few times with growing pauses: a start decides whether the job
     * runs, and an outcome is all the api will hear of an acknowledged job. Handing a job back at the first
     * hiccup would also count against the queue's delivery limit.
     *
     * @return whether the broker confirmed it
     */
    private boolean publishPatiently(TaskEvent event) {
        var what = event.getClass().getSimpleName();
        var pause = FIRST_RETRY_PAUSE;
        for (int tries = 1; ; tries++) {
            try {
                events.publish(event);
                return true;
            } catch (EventNotConfirmed e) {
                if (tries >= PUBLISH_TRIES || lifecycle.stopping()) {
                    log.warn("{} not confirmed after {} tries: {}", what, tries, e.getMessage());
                    return false;
                }
                log.warn("{} not confirmed, trying again in {}: {}", what, pause, e.getMessage());
                lifecycle.awaitStop(pause);
                pause = pause.multipliedBy(2);
            }
        }
    }

    private void publishQuietly(TaskEvent event) {
        try {
            events.publish(event);
        } catch (EventNotConfirmed e) {
            // a lost progress event costs at most a heartbeat; the terminal event decides the ack
            log.warn("{} event not confirmed: {}", event.getClass().getSimpleName(), e.getMessage());
        }
    }

    private static String describe(Message message) {
        var properties = message.getMessageProperties();
        return "(delivery " + properties.getDeliveryTag() + ", " + message.getBody().length + " bytes, id "
                + properties.getMessageId() + ")";
    }
}
