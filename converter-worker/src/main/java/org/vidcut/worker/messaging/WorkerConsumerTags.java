package org.vidcut.worker.messaging;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.amqp.support.ConsumerTagStrategy;

/**
 * Consumer tags {@code converter-worker@<worker id>#<n>}: the RabbitMQ management UI then shows which pod
 * holds which consumer. {@code n} counts consumers started by this process, from 1.
 */
final class WorkerConsumerTags implements ConsumerTagStrategy {

    static final String PREFIX = "converter-worker@";

    private final String workerId;
    private final AtomicInteger sequence = new AtomicInteger();

    WorkerConsumerTags(String workerId) {
        this.workerId = workerId;
    }

    @Override
    public String createConsumerTag(String queue) {
        return PREFIX + workerId + "#" + sequence.incrementAndGet();
    }
}
