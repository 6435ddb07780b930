package org.vidcut.worker.messaging;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.CorrelationData;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.vidcut.contracts.MessageCodec;
import org.vidcut.contracts.TaskEvent;
import org.vidcut.contracts.Topology;

/**
 * Publishes task events and waits for the broker's confirm, on the publisher connection (separate from the
 * consumers'). Waiting for each confirm also keeps one job's events in order although they may travel on
 * different cached channels.
 */
class EventPublisher {

    private final RabbitTemplate template;
    private final Duration confirmTimeout;
    private final String exchange;
    private final String routingKey;

    EventPublisher(ConnectionFactory connectionFactory, Duration confirmTimeout) {
        this(connectionFactory, confirmTimeout, Topology.EVENTS_EXCHANGE, Topology.EVENTS_ROUTING_KEY);
    }

    EventPublisher(ConnectionFactory connectionFactory, Duration confirmTimeout, String exchange, String routingKey) {
        this.exchange = exchange;
        this.routingKey = routingKey;
        if (!connectionFactory.isPublisherConfirms()) {
            throw new IllegalStateException(
                    "events need publisher confirms: set spring.rabbitmq.publisher-confirm-type=correlated");
        }
        this.template = new RabbitTemplate(connectionFactory);
        this.template.setUsePublisherConnection(true);
        this.template.setMandatory(true);
        // a returned event is reported through its CorrelationData; this only keeps the template from warning
        this.template.setReturnsCallback(returned -> {});
        this.confirmTimeout = confirmTimeout;
    }

    /**
     * @throws EventNotConfirmed unless the broker confirmed that the event reached a queue
     */
    void publish(TaskEvent event) {
        var message = MessageBuilder.withBody(MessageCodec.encode(event))
                .setContentType(MessageCodec.CONTENT_TYPE)
                .setDeliveryMode(MessageDeliveryMode.PERSISTENT)
                .setMessageId(UUID.randomUUID().toString())
                .build();
        var correlation = new CorrelationData(message.getMessageProperties().getMessageId());
        try {
            template.send(exchange, routingKey, message, correlation);
            var confirm = correlation.getFuture().get(confirmTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!confirm.isAck()) {
                throw new EventNotConfirmed("broker refused the event: " + confirm.getReason(), null);
            }
            if (correlation.getReturned() != null) {
                throw new EventNotConfirmed(
                        "event unroutable: " + correlation.getReturned().getReplyText(), null);
            }
        } catch (AmqpException | ExecutionException e) {
            throw new EventNotConfirmed("event not published: " + e.getMessage(), e);
        } catch (TimeoutException e) {
            throw new EventNotConfirmed("broker did not confirm the event within " + confirmTimeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventNotConfirmed("interrupted while waiting for the broker", e);
        }
    }
}
