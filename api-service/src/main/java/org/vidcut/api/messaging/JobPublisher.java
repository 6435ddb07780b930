package org.vidcut.api.messaging;

import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.vidcut.contracts.ConversionJob;
import org.vidcut.contracts.MessageCodec;
import org.vidcut.contracts.Topology;
import org.vidcut.support.logging.TaskLogContext;

/**
 * Publishes conversion jobs as persistent, mandatory messages and waits for the broker's confirm. The caller
 * decides what an unconfirmed job means (the task outbox publishes it again later), so nothing here throws.
 *
 * <p>It keeps its own template rather than the application's so that "mandatory" is set for jobs only and the
 * shared template's settings stay whatever other features need.
 */
@Component
public class JobPublisher {

    private static final Logger log = LoggerFactory.getLogger(JobPublisher.class);

    private final RabbitTemplate template;
    private final String exchange;
    private final String routingKey;

    @Autowired
    public JobPublisher(ConnectionFactory connectionFactory) {
        this(connectionFactory, Topology.JOBS_EXCHANGE, Topology.JOBS_ROUTING_KEY);
    }

    /** Publishes to another exchange, so tests on a shared broker stay clear of the real jobs queue. */
    public JobPublisher(ConnectionFactory connectionFactory, String exchange, String routingKey) {
        // Without these every confirm would time out and every task would wait in NEW forever: fail at startup.
        if (!connectionFactory.isPublisherConfirms() || !connectionFactory.isPublisherReturns()) {
            throw new IllegalStateException("publishing jobs needs spring.rabbitmq.publisher-confirm-type=correlated"
                    + " and spring.rabbitmq.publisher-returns=true");
        }
        this.template = new RabbitTemplate(connectionFactory);
        // the publisher connection: a broker blocking publishers under memory pressure still lets events in
        this.template.setUsePublisherConnection(true);
        this.template.setMandatory(true);
        // the returned message is read from the correlation data; this only keeps the template from warning
        this.template.setReturnsCallback(returned -> log.debug(
                "job {} returned: {}",
                returned.getMessage().getMessageProperties().getMessageId(),
                returned.getReplyText()));
        this.exchange = exchange;
        this.routingKey = routingKey;
    }

    public PublishOutcome publish(ConversionJob job, Duration confirmTimeout) {
        try (var context = TaskLogContext.open(job.taskId(), job.attempt())) {
            return send(job, confirmTimeout);
        }
    }

    private PublishOutcome send(ConversionJob job, Duration confirmTimeout) {
        var properties = new MessageProperties();
        properties.setContentType(MessageCodec.CONTENT_TYPE);
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        properties.setMessageId(job.taskId() + "/" + job.attempt());
        properties.setType(ConversionJob.TYPE);
        properties.setTimestamp(Date.from(job.issuedAt()));
        var message = new Message(MessageCodec.encode(job), properties);
        var correlation = new CorrelationData(job.taskId() + "/" + job.attempt() + "/" + UUID.randomUUID());
        try {
            template.send(exchange, routingKey, message, correlation);
        } catch (AmqpException e) {
            log.warn("could not publish the job of task {} attempt {}: {}", job.taskId(), job.attempt(), e.toString());
            return PublishOutcome.BROKER_UNAVAILABLE;
        }
        return awaitConfirm(job, correlation, confirmTimeout);
    }

    private static PublishOutcome awaitConfirm(ConversionJob job, CorrelationData correlation, Duration timeout) {
        CorrelationData.Confirm confirm;
        try {
            confirm = correlation.getFuture().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.warn("no broker confirm for task {} attempt {} within {}", job.taskId(), job.attempt(), timeout);
            return PublishOutcome.TIMED_OUT;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PublishOutcome.TIMED_OUT;
        } catch (ExecutionException e) {
            log.warn(
                    "confirm of task {} attempt {} failed: {}",
                    job.taskId(),
                    job.attempt(),
                    e.getCause().toString());
            return PublishOutcome.REJECTED;
        }
        // Spring sets the returned message before it completes the confirm; RabbitMQ acks unroutable messages.
        if (correlation.getReturned() != null) {
            log.warn(
                    "job of task {} attempt {} was not routable: {}",
                    job.taskId(),
                    job.attempt(),
                    correlation.getReturned().getReplyText());
            return PublishOutcome.RETURNED;
        }
        if (!confirm.ack()) {
            log.warn("broker refused the job of task {} attempt {}: {}", job.taskId(), job.attempt(), confirm.reason());
            return PublishOutcome.REJECTED;
        }
        return PublishOutcome.CONFIRMED;
    }
}
