package org.vidcut.worker.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.connection.RabbitUtils;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareMessageListener;
import org.springframework.amqp.rabbit.support.DefaultMessagePropertiesConverter;
import org.springframework.amqp.support.ConsumerTagStrategy;
import org.springframework.context.SmartLifecycle;

/**
 * Consumes jobs with one subscription per slot (manual ack, prefetch 1). A slot subscribes only while it is idle
 * and cancels its subscription as soon as a job arrives, before the job is acknowledged. Jobs are acknowledged
 * early (see {@link JobListener}), so a subscription kept open would let the broker push the next job to a busy
 * worker, where it would wait unacknowledged, hidden from idle workers, until the broker's consumer timeout.
 */
final class JobConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobConsumer.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration RECOVERY_INTERVAL = Duration.ofSeconds(5);

    private final ConnectionFactory connectionFactory;
    private final ChannelAwareMessageListener listener;
    private final String queue;
    private final int slots;
    private final ConsumerTagStrategy tags;
    private final Duration stopTimeout;
    private final DefaultMessagePropertiesConverter converter = new DefaultMessagePropertiesConverter();
    private volatile boolean running;
    private volatile CountDownLatch stopped = new CountDownLatch(1);
    private @Nullable ExecutorService threads;

    JobConsumer(
            ConnectionFactory connectionFactory,
            ChannelAwareMessageListener listener,
            String queue,
            int slots,
            ConsumerTagStrategy tags,
            Duration stopTimeout) {
        this.connectionFactory = connectionFactory;
        this.listener = listener;
        this.queue = queue;
        this.slots = slots;
        this.tags = tags;
        this.stopTimeout = stopTimeout;
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        stopped = new CountDownLatch(1);
        var numbers = new AtomicInteger();
        threads = Executors.newFixedThreadPool(
                slots, task -> new Thread(task, "job-consumer-" + numbers.incrementAndGet()));
        for (int i = 0; i < slots; i++) {
            threads.execute(this::consume);
        }
    }

    /** Waits for running jobs to end (the graceful shutdown bounds them), at most the stop timeout. */
    @Override
    public void stop() {
        ExecutorService current;
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            stopped.countDown();
            current = threads;
        }
        if (current == null) {
            return;
        }
        current.shutdown();
        try {
            if (!current.awaitTermination(stopTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("jobs still running after {}; stopping anyway", stopTimeout);
                current.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before everything else, as Spring's own listener containers do. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }

    private void consume() {
        while (running) {
            Channel channel = null;
            try {
                channel = connectionFactory.createConnection().createChannel(false);
                channel.basicQos(1);
                while (running && channel.isOpen()) {
                    var job = nextJob(channel);
                    if (job != null) {
                        listener.onMessage(job, channel);
                    }
                }
            } catch (Exception e) {
                if (running) {
                    log.warn("consuming {} failed, trying again in {}: {}", queue, RECOVERY_INTERVAL, e.toString());
                    awaitStop(RECOVERY_INTERVAL);
                }
            } finally {
                RabbitUtils.closeChannel(channel);
            }
        }
    }

    /** Subscribes until one job arrives, then cancels the subscription; null when stopping or the channel closed. */
    private @Nullable Message nextJob(Channel channel) throws IOException, InterruptedException {
        BlockingQueue<Message> arrived = new ArrayBlockingQueue<>(1);
        var consumer = new DefaultConsumer(channel) {
            @Override
            public void handleDelivery(String tag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
                var messageProperties =
                        converter.toMessageProperties(properties, envelope, StandardCharsets.UTF_8.name());
                messageProperties.setConsumerTag(tag);
                messageProperties.setConsumerQueue(queue);
                arrived.offer(new Message(body, messageProperties));
            }
        };
        var tag = channel.basicConsume(queue, false, tags.createConsumerTag(queue), consumer);
        Message job = null;
        try {
            while (job == null && running && channel.isOpen()) {
                job = arrived.poll(POLL.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            if (channel.isOpen()) {
                channel.basicCancel(tag);
            }
        }
        if (job != null && !running) {
            channel.basicNack(job.getMessageProperties().getDeliveryTag(), false, true);
            return null;
        }
        return job;
    }

    private void awaitStop(Duration timeout) {
        try {
            stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
