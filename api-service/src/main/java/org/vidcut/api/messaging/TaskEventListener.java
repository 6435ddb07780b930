package org.vidcut.api.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.annotation.RabbitListener;
import org.springframework.stereotype.Component;
import org.vidcut.contracts.MessageCodec;
import org.vidcut.contracts.TaskEvent;
import org.vidcut.contracts.Topology;
import org.vidcut.support.logging.TaskLogContext;

/**
 * Receives worker events. It takes the raw message so that a body that cannot be decoded is rejected without
 * requeue (to the dead-letter queue) instead of looping; other failures (database down) are requeued.
 */
@Component
class TaskEventListener {

    private static final Logger log = LoggerFactory.getLogger(TaskEventListener.class);

    private final TaskEventSink sink;

    TaskEventListener(TaskEventSink sink) {
        this.sink = sink;
    }

    @RabbitListener(queues = Topology.EVENTS_QUEUE, containerFactory = TaskEventConsumption.CONTAINER_FACTORY)
    public void onMessage(Message message) {
        var event = decode(message);
        try (var context = TaskLogContext.open(event.taskId(), event.attempt())) {
            sink.apply(event);
        }
    }

    static TaskEvent decode(Message message) {
        try {
            if (MessageCodec.decode(message.getBody()) instanceof TaskEvent event) {
                return event;
            }
            throw new MessageCodec.UnreadableMessage("not a task event");
        } catch (MessageCodec.UnreadableMessage e) {
            log.warn(
                    "dead-lettering an unreadable event (message id {}): {}",
                    message.getMessageProperties().getMessageId(),
                    e.getMessage());
            throw new AmqpRejectAndDontRequeueException("unreadable task event: " + e.getMessage(), e);
        }
    }
}
