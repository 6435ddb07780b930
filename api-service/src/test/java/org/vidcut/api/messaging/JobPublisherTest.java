package org.vidcut.api.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.vidcut.contracts.ConversionJob;
import org.vidcut.contracts.MessageCodec;
import org.vidcut.contracts.Topology;
import org.vidcut.support.messaging.AmqpTopology;

/**
 * Publishes to a throw-away exchange and queue on the real broker, so the shared jobs queue (which workers
 * consume) never sees test jobs.
 */
class JobPublisherTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private CachingConnectionFactory connectionFactory;
    private RabbitAdmin admin;
    private String exchange;
    private Queue queue;

    @BeforeEach
    void declareThrowAwayRoute() {
        assumeTrue(RabbitBroker.reachable(), "RabbitMQ is not running on 127.0.0.1:5672");
        connectionFactory = RabbitBroker.connectionFactory(RabbitBroker.PORT);
        admin = new RabbitAdmin(connectionFactory);
        exchange = "vidcut.test.jobs." + UUID.randomUUID();
        queue = new AnonymousQueue();
        var directExchange = new DirectExchange(exchange, false, true);
        admin.declareExchange(directExchange);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(directExchange).with("conversion"));
    }

    @AfterEach
    void removeRoute() {
        if (admin != null) {
            admin.deleteQueue(queue.getName());
            admin.deleteExchange(exchange);
            connectionFactory.destroy();
        }
    }

    @Test
    void confirmedJobIsQueuedAsAPersistentJsonMessage() {
        var job = ConversionJobs.aJob();

        var outcome = new JobPublisher(connectionFactory, exchange, "conversion").publish(job, TIMEOUT);

        assertThat(outcome).isEqualTo(PublishOutcome.CONFIRMED);
        var received = new RabbitTemplate(connectionFactory).receive(queue.getName(), 5_000);
        assertThat(received).isNotNull();
        assertThat(MessageCodec.decode(received.getBody(), ConversionJob.class)).isEqualTo(job);
        assertThat(received.getMessageProperties().getReceivedDeliveryMode()).isEqualTo(MessageDeliveryMode.PERSISTENT);
        assertThat(received.getMessageProperties().getContentType()).isEqualTo(MessageCodec.CONTENT_TYPE);
        assertThat(received.getMessageProperties().getMessageId()).isEqualTo(job.taskId() + "/2");
    }

    @Test
    void unroutableJobIsNotConfirmed() {
        var outcome =
                new JobPublisher(connectionFactory, exchange, "nobody-listens").publish(ConversionJobs.aJob(), TIMEOUT);

        assertThat(outcome).isEqualTo(PublishOutcome.RETURNED);
    }

    @Test
    void jobToAMissingExchangeIsNotConfirmed() {
        var outcome = new JobPublisher(connectionFactory, exchange + ".missing", "conversion")
                .publish(ConversionJobs.aJob(), TIMEOUT);

        assertThat(outcome.confirmed()).isFalse();
    }

    @Test
    void declaresTheWholeTopologyOnTheRealBroker() {
        var topologyAdmin = new RabbitAdmin(connectionFactory);
        new AmqpTopology().vidcutTopology().getDeclarables().forEach(declarable -> {
            if (declarable instanceof Queue q) {
                topologyAdmin.declareQueue(q);
            } else if (declarable instanceof Exchange e) {
                topologyAdmin.declareExchange(e);
            } else if (declarable instanceof Binding b) {
                topologyAdmin.declareBinding(b);
            }
        });

        for (var name : new String[] {
            Topology.JOBS_QUEUE,
            Topology.JOBS_DEAD_LETTER_QUEUE,
            Topology.EVENTS_QUEUE,
            Topology.EVENTS_DEAD_LETTER_QUEUE
        }) {
            assertThat(topologyAdmin.getQueueInfo(name)).as(name).isNotNull();
        }
    }
}
