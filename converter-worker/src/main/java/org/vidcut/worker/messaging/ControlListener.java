package org.vidcut.worker.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.vidcut.contracts.CancelTask;
import org.vidcut.contracts.MessageCodec;
import org.vidcut.worker.conversion.ConversionService;

/** Takes the api's control messages from this worker's private queue on the control fanout: stop an attempt. */
class ControlListener implements MessageListener {

    private static final Logger log = LoggerFactory.getLogger(ControlListener.class);

    private final ConversionService conversions;

    ControlListener(ConversionService conversions) {
        this.conversions = conversions;
    }

    @Override
    public void onMessage(Message message) {
        try {
            var cancel = MessageCodec.decode(message.getBody(), CancelTask.class);
            log.debug("cancel of task {} attempt {}: {}", cancel.taskId(), cancel.attempt(), cancel.reason());
            conversions.cancel(cancel.taskId(), cancel.attempt());
        } catch (MessageCodec.UnreadableMessage e) {
            // nothing to dead-letter: control messages are fire-and-forget
            log.warn("ignoring an unreadable control message: {}", e.getMessage());
        }
    }
}
