package org.vidcut.api.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.vidcut.api.testing.WorkerEventBuilder.aWorkerEvent;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageListener;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerContainerFactory;
import org.springframework.amqp.rabbit.config.SimpleRabbitListenerEndpoint;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.RabbitListenerEndpoint;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.dao.DataAccessResourceFailureException;
import org.vidcut.contracts.MessageCodec;
import org.vidcut.contracts.TaskEvent;

/** Event consumption with retries and dead-lettering, on throw-away queues of the real broker. */
class TaskEventConsumptionTest {

    private CachingConnectionFactory connectionFactory;
    private RabbitAdmin admin;
    private String queue;
    private String deadLetterExchange;
    private String deadLetterQueue;
    private SimpleMessageListenerContainer container;
    private final List<TaskEvent> applied = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger deliveries = new AtomicInteger();

    @BeforeEach
    void declareThrowAwayQueues() {
        assumeTrue(RabbitBroker.reachable(), "RabbitMQ is not running on 127.0.0.1:5672");
        connectionFactory = RabbitBroker.connectionFactory(RabbitBroker.PORT);
        admin = new RabbitAdmin(connectionFactory);
        var id = UUID.randomUUID();
        queue = "vidcut.test.events." + id;
        deadLetterExchange = "vidcut.test.events.dlx." + id;
        deadLetterQueue = "vidcut.test.events.dead." + id;
        var dlx = new FanoutExchange(deadLetterExchange, false, true);
        admin.declareExchange(dlx);
        // not auto-delete: polling it must not make it vanish between two polls; @AfterEach deletes it
        var dead = new Queue(deadLetterQueue, false, false, false);
        admin.declareQueue(dead);
        admin.declareBinding(BindingBuilder.bind(dead).to(dlx));
        admin.declareQueue(new Queue(queue, false, false, true, Map.of("x-dead-letter-exchange", deadLetterExchange)));
    }

    @AfterEach
    void cleanUp() {
        if (container != null) {
            container.stop();
        }
        if (admin != null) {
            admin.deleteQueue(queue);
            admin.deleteQueue(deadLetterQueue);
            admin.deleteExchange(deadLetterExchange);
            connectionFactory.destroy();
        }
    }

    private void consumeWith(TaskEventSink sink) {
        var factory = new SimpleRabbitListenerContainerFactory();
        factory.setConnectionFactory(connectionFactory);
        factory.setAdviceChain(
                TaskEventConsumption.retryThenDeadLetter(3, Duration.ofMillis(20), Duration.ofMillis(100)));
        var listener = new TaskEventListener(sink);
        container = factory.createListenerContainer(endpoint(message -> {
            deliveries.incrementAndGet();
            listener.onMessage(message);
        }));
        container.start();
    }

    private RabbitListenerEndpoint endpoint(MessageListener listener) {
        var endpoint = new SimpleRabbitListenerEndpoint();
        endpoint.setId("test-" + UUID.randomUUID());
        endpoint.setQueueNames(queue);
        endpoint.setMessageListener(listener);
        return endpoint;
    }

    private void send(byte[] body) {
        new RabbitTemplate(connectionFactory).send("", queue, new Message(body));
    }

    private static TaskEvent.Started started() {
        return aWorkerEvent()
                .forTask("t1")
                .at(Instant.parse("2026-01-01T00:00:00Z"))
                .started();
    }

    private Message deadLetter() {
        return new RabbitTemplate(connectionFactory).receive(deadLetterQueue);
    }

    @Test
    void eventThatFailsBrieflyIsRetriedAndAppliedOnce() {
        consumeWith(event -> {
            if (calls.incrementAndGet() <= 2) {
                throw new DataAccessResourceFailureException("database briefly down");
            }
            applied.add(event);
        });

        send(MessageCodec.encode(started()));

        await().atMost(Duration.ofSeconds(10)).until(() -> applied.size() == 1);
        assertThat(calls).hasValue(3);
        assertThat(applied).containsExactly(started());
    }

    @Test
    void eventThatKeepsFailingIsDeadLetteredAfterTheRetries() {
        consumeWith(event -> {
            calls.incrementAndGet();
            throw new DataAccessResourceFailureException("database down");
        });

        send(MessageCodec.encode(started()));

        var dead = await().atMost(Duration.ofSeconds(10)).until(this::deadLetter, m -> m != null);
        assertThat(MessageCodec.decode(dead.getBody())).isEqualTo(started());
        assertThat(calls).hasValue(4);
    }

    @Test
    void poisonMessageIsDeadLetteredWithoutRetries() {
        consumeWith(event -> calls.incrementAndGet());

        send("garbage".getBytes(StandardCharsets.UTF_8));

        var dead = await().atMost(Duration.ofSeconds(10)).until(this::deadLetter, m -> m != null);
        assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).isEqualTo("garbage");
        assertThat(deliveries).as("tried once, not retried").hasValue(1);
        assertThat(calls).hasValue(0);
    }
}
