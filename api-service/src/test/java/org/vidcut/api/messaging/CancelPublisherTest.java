package org.vidcut.api.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.vidcut.contracts.CancelTask;
import org.vidcut.contracts.MessageCodec;
import org.vidcut.contracts.Topology;

class CancelPublisherTest {

    private static CancelTask cancel() {
        return new CancelTask(
                "test-" + UUID.randomUUID(),
                2,
                "canceled by its owner",
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }

    @Test
    void everyWorkerQueueBoundToTheControlFanoutGetsTheCancel() {
        assumeTrue(RabbitBroker.reachable(), "RabbitMQ is not running on 127.0.0.1:5672");
        var connectionFactory = RabbitBroker.connectionFactory(RabbitBroker.PORT);
        var admin = new RabbitAdmin(connectionFactory);
        var control = new FanoutExchange(Topology.CONTROL_EXCHANGE, true, false);
        var workers = List.of(new AnonymousQueue(), new AnonymousQueue());
        try {
            admin.declareExchange(control);
            for (var queue : workers) {
                admin.declareQueue(queue);
                admin.declareBinding(BindingBuilder.bind(queue).to(control));
            }
            var cancel = cancel();

            new CancelPublisher(connectionFactory).publish(cancel);

            var template = new RabbitTemplate(connectionFactory);
            for (var queue : workers) {
                var received = template.receive(queue.getName(), 5_000);
                assertThat(received).as(queue.getName()).isNotNull();
                assertThat(MessageCodec.decode(received.getBody(), CancelTask.class))
                        .isEqualTo(cancel);
                assertThat(received.getMessageProperties().getType()).isEqualTo(CancelTask.TYPE);
                assertThat(received.getMessageProperties().getContentType()).isEqualTo(MessageCodec.CONTENT_TYPE);
                assertThat(received.getMessageProperties().getMessageId()).isEqualTo(cancel.taskId() + "/2/cancel");
            }
        } finally {
            workers.forEach(queue -> admin.deleteQueue(queue.getName()));
            connectionFactory.destroy();
        }
    }

    @Test
    void anUnreachableBrokerDoesNotFailTheCaller() {
        var connectionFactory = RabbitBroker.connectionFactory(RabbitBroker.closedPort());
        try {
            assertThatCode(() -> new CancelPublisher(connectionFactory).publish(cancel()))
                    .as("a missed cancel is repeated when the worker's next heartbeat arrives")
                    .doesNotThrowAnyException();
        } finally {
            connectionFactory.destroy();
        }
    }
}
