package org.vidcut.api.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.stereotype.Component;
import org.vidcut.contracts.CancelTask;
import org.vidcut.contracts.MessageCodec;
import org.vidcut.contracts.Topology;

/**
 * Tells every worker to stop one attempt of a task, through the control fanout. Best effort on purpose: a worker
 * that misses it is told again when its next heartbeat reaches the api, and the api ignores whatever a canceled
 * attempt reports.
 */
@Component
public class CancelPublisher {

    private static final Logger log = LoggerFactory.getLogger(CancelPublisher.class);

    private final RabbitTemplate template;

    public CancelPublisher(ConnectionFactory connectionFactory) {
        this.template = new RabbitTemplate(connectionFactory);
        // like jobs: the api's consumer connection only consumes
        this.template.setUsePublisherConnection(true);
    }

    public void publish(CancelTask cancel) {
        var properties = new MessageProperties();
        properties.setContentType(MessageCodec.CONTENT_TYPE);
        properties.setType(CancelTask.TYPE);
        properties.setMessageId(cancel.taskId() + "/" + cancel.attempt() + "/cancel");
        try {
            template.send(Topology.CONTROL_EXCHANGE, "", new Message(MessageCodec.encode(cancel), properties));
            log.info(
                    "told the workers to stop task {} attempt {}: {}",
                    cancel.taskId(),
                    cancel.attempt(),
                    cancel.reason());
        } catch (AmqpException e) {
            log.warn(
                    "could not tell the workers to stop task {} attempt {}: {}",
                    cancel.taskId(),
                    cancel.attempt(),
                    e.toString());
        }
    }
}
