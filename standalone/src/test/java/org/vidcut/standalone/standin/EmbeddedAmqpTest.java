package org.vidcut.standalone.standin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import com.rabbitmq.client.PossibleAuthenticationFailureException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.AmqpRejectAndDontRequeueException;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.vidcut.contracts.Topology;

class EmbeddedAmqpTest {

    @Test
    void deliversConfirmedPersistentMessageToConsumerThatAcks() throws Exception {
        try (Connection connection =
                        TestBroker.embeddedQpid().connectionFactory().newConnection();
                Channel channel = connection.createChannel()) {
            String exchange = uniqueName("exchange");
            String queue = uniqueName("queue");
            channel.exchangeDeclare(exchange, BuiltinExchangeType.DIRECT, true);
            channel.queueDeclare(queue, true, false, false, null);
            channel.queueBind(queue, exchange, "key");
            channel.confirmSelect();

            channel.basicPublish(exchange, "key", MessageProperties.PERSISTENT_BASIC, bytes("hello"));
            assertThat(channel.waitForConfirms(5_000)).isTrue();

            BlockingQueue<String> received = new ArrayBlockingQueue<>(1);
            channel.basicQos(1);
            channel.basicConsume(queue, false, new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                        throws IOException {
                    received.add(new String(body, StandardCharsets.UTF_8));
                    getChannel().basicAck(envelope.getDeliveryTag(), false);
                }
            });

            assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("hello");
            await().atMost(Duration.ofSeconds(5)).until(() -> channel.messageCount(queue) == 0);
            channel.queueDelete(queue);
            channel.exchangeDelete(exchange);
        }
    }

    @Test
    void dropsExpiredMessagesWithinSecondsBecauseHousekeepingRunsOften() throws Exception {
        try (Connection connection =
                        TestBroker.embeddedQpid().connectionFactory().newConnection();
                Channel channel = connection.createChannel()) {
            String queue = uniqueName("queue");
            channel.queueDeclare(queue, true, false, false, null);
            AMQP.BasicProperties shortLived =
                    new AMQP.BasicProperties.Builder().expiration("100").build();

            channel.basicPublish("", queue, shortLived, bytes("stale"));

            // Qpid removes expired messages only while housekeeping, every 30 s unless configured shorter
            await().atMost(Duration.ofSeconds(5)).until(() -> channel.messageCount(queue) == 0);
            channel.queueDelete(queue);
        }
    }

    @Test
    void refusesWrongPassword() {
        TestBroker.Endpoint qpid = TestBroker.embeddedQpid();
        ConnectionFactory factory = qpid.connectionFactory();
        factory.setPassword("not-" + qpid.password());

        assertThatThrownBy(factory::newConnection).isInstanceOf(PossibleAuthenticationFailureException.class);
    }

    @Test
    void rejectedMessageReachesDeadLetterQueueOnQpidWithoutLooping() throws Exception {
        DeadLetterOutcome outcome = rejectUntilDeadLettered(TestBroker.embeddedQpid());

        assertThat(outcome.deadLettered()).isEqualTo("poison");
        assertThat(outcome.deliveries()).isEqualTo(1);
    }

    @Test
    void rejectedMessageReachesDeadLetterQueueOnRabbitMq() throws Exception {
        assumeTrue(TestBroker.rabbitMqReachable(), "RabbitMQ is not running on 127.0.0.1:5672");

        DeadLetterOutcome outcome = rejectUntilDeadLettered(TestBroker.rabbitMq());

        assertThat(outcome.deadLettered()).isEqualTo("poison");
        assertThat(outcome.deliveries()).isEqualTo(1);
    }

    @Test
    void springListenerThatRejectsSendsTheMessageToTheDeadLetterQueueOnQpid() throws Exception {
        TestBroker.Endpoint qpid = TestBroker.embeddedQpid();
        String queue = uniqueName("jobs-queue");
        String deadLetterExchange = uniqueName("jobs.dlx");
        String deadLetterQueue = uniqueName("jobs.dead");
        CachingConnectionFactory connectionFactory = new CachingConnectionFactory(qpid.connectionFactory());
        SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connectionFactory);
        try {
            RabbitAdmin admin = new RabbitAdmin(connectionFactory);
            admin.declareExchange(new FanoutExchange(deadLetterExchange));
            admin.declareQueue(new Queue(deadLetterQueue));
            admin.declareBinding(
                    BindingBuilder.bind(new Queue(deadLetterQueue)).to(new FanoutExchange(deadLetterExchange)));
            admin.declareQueue(new Queue(queue, true, false, false, deadLetteringArguments(deadLetterExchange)));
            AtomicInteger deliveries = new AtomicInteger();
            container.setQueueNames(queue);
            container.setPrefetchCount(1);
            container.setMessageListener(message -> {
                deliveries.incrementAndGet();
                throw new AmqpRejectAndDontRequeueException("poison");
            });
            container.start();

            RabbitTemplate template = new RabbitTemplate(connectionFactory);
            template.convertAndSend("", queue, "poison");
            org.springframework.amqp.core.Message deadLetter = await().atMost(Duration.ofSeconds(10))
                    .until(() -> template.receive(deadLetterQueue), message -> message != null);

            assertThat(new String(deadLetter.getBody(), StandardCharsets.UTF_8)).isEqualTo("poison");
            assertThat(deliveries.get()).isEqualTo(1);
            container.stop();
            admin.deleteQueue(queue);
            admin.deleteQueue(deadLetterQueue);
            admin.deleteExchange(deadLetterExchange);
        } finally {
            container.stop();
            connectionFactory.destroy();
        }
    }

    @Test
    void redeliversMessageOfAConsumerThatWentAwayInsteadOfDeadLetteringItOnQpid() throws Exception {
        String queue = uniqueName("jobs-queue");
        String deadLetterExchange = uniqueName("jobs.dlx");
        String deadLetterQueue = uniqueName("jobs.dead");
        try (Connection connection =
                        TestBroker.embeddedQpid().connectionFactory().newConnection();
                Channel admin = connection.createChannel()) {
            admin.exchangeDeclare(deadLetterExchange, BuiltinExchangeType.FANOUT, true);
            admin.queueDeclare(deadLetterQueue, true, false, false, null);
            admin.queueBind(deadLetterQueue, deadLetterExchange, "");
            admin.queueDeclare(queue, true, false, false, deadLetteringArguments(deadLetterExchange));
            admin.basicPublish("", queue, MessageProperties.PERSISTENT_BASIC, bytes("job"));

            Channel dying = connection.createChannel();
            BlockingQueue<Envelope> firstTry = new ArrayBlockingQueue<>(1);
            dying.basicQos(1);
            dying.basicConsume(queue, false, new DefaultConsumer(dying) {
                @Override
                public void handleDelivery(
                        String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                    firstTry.add(envelope);
                }
            });
            assertThat(firstTry.poll(5, TimeUnit.SECONDS)).isNotNull();
            dying.close();

            GetResponse secondTry = await().atMost(Duration.ofSeconds(5))
                    .until(() -> admin.basicGet(queue, true), response -> response != null);

            assertThat(secondTry.getEnvelope().isRedeliver()).isTrue();
            assertThat(new String(secondTry.getBody(), StandardCharsets.UTF_8)).isEqualTo("job");
            assertThat(admin.messageCount(deadLetterQueue)).isZero();
            admin.queueDelete(queue);
            admin.queueDelete(deadLetterQueue);
            admin.exchangeDelete(deadLetterExchange);
        }
    }

    /**
     * Declares the dead-lettering arguments of the contracts on throw-away names (the real names may be in use by
     * running services on a shared broker), rejects every delivery without requeue as Spring's listener container
     * does, and reports what reached the dead-letter queue and how often the message was delivered.
     */
    private static DeadLetterOutcome rejectUntilDeadLettered(TestBroker.Endpoint broker) throws Exception {
        String exchange = uniqueName("jobs");
        String queue = uniqueName("jobs-queue");
        String deadLetterExchange = uniqueName("jobs.dlx");
        String deadLetterQueue = uniqueName("jobs.dead");
        Map<String, Object> arguments = deadLetteringArguments(deadLetterExchange);

        try (Connection connection = broker.connectionFactory().newConnection();
                Channel channel = connection.createChannel()) {
            // the dead-letter exchange must exist before a Qpid queue may name it as its alternate
            channel.exchangeDeclare(deadLetterExchange, BuiltinExchangeType.FANOUT, true);
            channel.queueDeclare(deadLetterQueue, true, false, false, null);
            channel.queueBind(deadLetterQueue, deadLetterExchange, "");
            channel.exchangeDeclare(exchange, BuiltinExchangeType.DIRECT, true);
            channel.queueDeclare(queue, true, false, false, arguments);
            // a second declaration with the same arguments must be accepted: both services declare the topology
            channel.queueDeclare(queue, true, false, false, arguments);
            channel.queueBind(queue, exchange, "key");

            AtomicInteger deliveries = new AtomicInteger();
            channel.basicQos(1);
            channel.basicConsume(queue, false, new DefaultConsumer(channel) {
                @Override
                public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body)
                        throws IOException {
                    deliveries.incrementAndGet();
                    getChannel().basicReject(envelope.getDeliveryTag(), false);
                }
            });
            channel.confirmSelect();
            channel.basicPublish(exchange, "key", MessageProperties.PERSISTENT_BASIC, bytes("poison"));
            assertThat(channel.waitForConfirms(5_000)).isTrue();

            try (Channel reader = connection.createChannel()) {
                GetResponse deadLetter;
                try {
                    deadLetter = await().atMost(Duration.ofSeconds(10))
                            .until(() -> reader.basicGet(deadLetterQueue, true), response -> response != null);
                } catch (org.awaitility.core.ConditionTimeoutException e) {
                    throw new AssertionError(
                            "DEBUG deliveries=" + deliveries.get() + " queue=" + reader.messageCount(queue), e);
                }
                int settled = deliveries.get();
                // once dead-lettered the message must stay gone: no further deliveries to the consumer
                await().during(Duration.ofMillis(500))
                        .atMost(Duration.ofSeconds(2))
                        .until(() -> deliveries.get() == settled);
                assertThat(reader.messageCount(queue)).isZero();

                channel.queueDelete(queue);
                channel.queueDelete(deadLetterQueue);
                channel.exchangeDelete(exchange);
                channel.exchangeDelete(deadLetterExchange);
                return new DeadLetterOutcome(new String(deadLetter.getBody(), StandardCharsets.UTF_8), settled);
            }
        }
    }

    /**
     * The contracts' arguments with Qpid's delivery limit at 1. Qpid checks the limit only when a message is
     * rejected without requeue, and below the limit such a message is neither requeued nor released: it stays
     * unacknowledged on the rejecting channel, which blocks a prefetch-1 consumer until the channel closes. At 1 a
     * reject dead-letters at once, as on RabbitMQ; a reject with requeue, or a consumer that dies, still redelivers.
     */
    static Map<String, Object> deadLetteringArguments(String deadLetterExchange) {
        Map<String, Object> arguments = new HashMap<>(Topology.deadLetteringArguments(deadLetterExchange));
        arguments.put("x-qpid-maximum-delivery-count", 1);
        return arguments;
    }

    private record DeadLetterOutcome(String deadLettered, int deliveries) {}

    private static String uniqueName(String role) {
        return "standin-test." + role + "." + UUID.randomUUID();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
