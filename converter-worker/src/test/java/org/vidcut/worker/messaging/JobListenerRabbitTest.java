package org.vidcut.worker.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.MessageBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.util.unit.DataSize;
import org.vidcut.contracts.Accuracy;
import org.vidcut.contracts.ConversionJob;
import org.vidcut.contracts.FailureKind;
import org.vidcut.contracts.MessageCodec;
import org.vidcut.contracts.Operations;
import org.vidcut.contracts.OutputFormat;
import org.vidcut.contracts.TaskEvent;
import org.vidcut.contracts.TrimMethod;
import org.vidcut.worker.WorkerProperties;
import org.vidcut.worker.conversion.ConversionMetrics;
import org.vidcut.worker.conversion.ConversionResult;
import org.vidcut.worker.conversion.Converter;
import org.vidcut.worker.storage.SourceObjectMissing;

/**
 * The listener's acks, rejects and events against the real RabbitMQ on 127.0.0.1:5672 (skipped when it is not
 * reachable). Uses its own uniquely named queues and exchange so it never touches the shared topology.
 */
class JobListenerRabbitTest {

    private static final String EVENTS_ROUTING_KEY = "task-event";

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String jobsQueue = "test.worker.jobs." + suffix;
    private final String deadLetterQueue = "test.worker.jobs.dead." + suffix;
    private final String eventsExchange = "test.worker.events." + suffix;
    private final String eventsQueue = "test.worker.events." + suffix;

    private CachingConnectionFactory connectionFactory;
    private RabbitAdmin admin;
    private RabbitTemplate template;
    private JobConsumer container;
    private Lifecycle lifecycle;
    private final List<Map<String, String>> logContexts = new CopyOnWriteArrayList<>();
    private final AtomicInteger conversions = new AtomicInteger();
    private Converter converter;

    @BeforeEach
    void setUp() {
        connectionFactory = new CachingConnectionFactory("127.0.0.1", 5672);
        connectionFactory.setUsername("guest");
        connectionFactory.setPassword("guest");
        connectionFactory.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.CORRELATED);
        connectionFactory.setPublisherReturns(true);
        try {
            connectionFactory.createConnection().close();
        } catch (RuntimeException e) {
            connectionFactory.destroy();
            assumeTrue(false, "RabbitMQ not reachable on 127.0.0.1:5672");
        }
        admin = new RabbitAdmin(connectionFactory);
        var deadLetters = new FanoutExchange("test.worker.dlx." + suffix, false, true);
        var deadQueue = new Queue(deadLetterQueue, false, false, false);
        admin.declareExchange(deadLetters);
        admin.declareQueue(deadQueue);
        admin.declareBinding(BindingBuilder.bind(deadQueue).to(deadLetters));
        // not auto-delete: the tests look into it after the consumers are gone
        admin.declareQueue(QueueBuilder.nonDurable(jobsQueue)
                .deadLetterExchange(deadLetters.getName())
                .build());
        var events = new DirectExchange(eventsExchange, false, true);
        var eventQueue = new Queue(eventsQueue, false, false, true);
        admin.declareExchange(events);
        admin.declareQueue(eventQueue);
        admin.declareBinding(BindingBuilder.bind(eventQueue).to(events).with(EVENTS_ROUTING_KEY));
        template = new RabbitTemplate(connectionFactory);
        lifecycle = new Lifecycle();
        converter = (job, progress) -> {
            conversions.incrementAndGet();
            logContexts.add(org.slf4j.MDC.getCopyOfContextMap());
            progress.progress(50);
            return new ConversionResult(
                    job.resultObjectKey(),
                    1234,
                    2.0,
                    320,
                    240,
                    "h264",
                    "aac",
                    0.0,
                    2.0,
                    null,
                    null,
                    TrimMethod.REENCODE);
        };
    }

    private void startWorker(String routingKey) {
        var publisher = new EventPublisher(connectionFactory, Duration.ofSeconds(5), eventsExchange, routingKey);
        Converter delegating = (job, progress) -> converter.convert(job, progress);
        var listener = new JobListener(
                delegating, publisher, lifecycle, "test-worker", Clock.systemUTC(), ConversionMetrics.unregistered());
        container = MessagingConfiguration.jobConsumer(connectionFactory, listener, properties(), jobsQueue);
        container.start();
    }

    @AfterEach
    void tearDown() {
        if (container != null) {
            container.stop();
        }
        if (admin != null) {
            admin.deleteQueue(jobsQueue);
            admin.deleteQueue(eventsQueue);
            admin.deleteQueue(deadLetterQueue);
            admin.deleteExchange(eventsExchange);
            admin.deleteExchange("test.worker.dlx." + suffix);
        }
        if (connectionFactory != null) {
            connectionFactory.destroy();
        }
    }

    private static WorkerProperties properties() {
        return new WorkerProperties(
                "test-worker",
                1,
                "ffmpeg",
                "ffprobe",
                Path.of("build"),
                Duration.ofSeconds(5),
                Duration.ofSeconds(60),
                Duration.ofSeconds(10),
                DataSize.ofMegabytes(10),
                Duration.ofSeconds(1),
                Duration.ofSeconds(5),
                Duration.ofHours(6),
                DataSize.ofGigabytes(2),
                2,
                true);
    }

    private static ConversionJob job(String taskId) {
        return new ConversionJob(
                taskId,
                2,
                "originals/u/v",
                "results/u/" + taskId + "/2.mp4",
                10,
                new Operations(0, 2, null, null, OutputFormat.MP4, Accuracy.EXACT, true),
                Instant.now());
    }

    private void send(byte[] body) {
        template.send(
                "",
                jobsQueue,
                MessageBuilder.withBody(body)
                        .setContentType(MessageCodec.CONTENT_TYPE)
                        .build());
    }

    private List<TaskEvent> receiveEventsUntilTerminal() {
        var received = new ArrayList<TaskEvent>();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            var message = template.receive(eventsQueue);
            if (message != null) {
                received.add(MessageCodec.decode(message.getBody(), TaskEvent.class));
            }
            return !received.isEmpty()
                    && (received.get(received.size() - 1) instanceof TaskEvent.Succeeded
                            || received.get(received.size() - 1) instanceof TaskEvent.Failed);
        });
        return received;
    }

    /**
     * Stops consuming and closes the connections: an unacked job is then back in the queue, and closing (which
     * the broker confirms) also ensures it has processed every ack and nack sent before.
     */
    private long jobsLeftAfterStop() {
        container.stop();
        connectionFactory.resetConnection();
        return admin.getQueueInfo(jobsQueue).getMessageCount();
    }

    @Test
    void publishesStartedProgressAndSucceededThenAcksTheJob() {
        startWorker(EVENTS_ROUTING_KEY);

        send(MessageCodec.encode(job("t-ok")));

        var events = receiveEventsUntilTerminal();
        assertThat(events.get(0)).isInstanceOf(TaskEvent.Started.class);
        assertThat(events)
                .anySatisfy(e -> assertThat(e)
                        .isInstanceOfSatisfying(
                                TaskEvent.Progress.class,
                                p -> assertThat(p.percent()).isEqualTo(50)));
        var succeeded = (TaskEvent.Succeeded) events.get(events.size() - 1);
        assertThat(succeeded.taskId()).isEqualTo("t-ok");
        assertThat(succeeded.attempt()).isEqualTo(2);
        assertThat(succeeded.workerId()).isEqualTo("test-worker");
        assertThat(succeeded.resultObjectKey()).isEqualTo("results/u/t-ok/2.mp4");
        assertThat(succeeded.width()).isEqualTo(320);
        assertThat(jobsLeftAfterStop()).isZero();
    }

    @Test
    void aFailedConversionIsReportedWithItsKindAndTheJobIsAcked() {
        converter = (job, progress) -> {
            throw new SourceObjectMissing(job.sourceObjectKey());
        };
        startWorker(EVENTS_ROUTING_KEY);

        send(MessageCodec.encode(job("t-fail")));

        var failed = (TaskEvent.Failed) receiveEventsUntilTerminal().get(1);
        assertThat(failed.kind()).isEqualTo(FailureKind.FINAL);
        assertThat(failed.reason()).contains("no longer exists");
        assertThat(jobsLeftAfterStop()).isZero();
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterQueueAndTheWorkerKeepsConsuming() {
        startWorker(EVENTS_ROUTING_KEY);

        send("this is not a job".getBytes(StandardCharsets.UTF_8));
        send(MessageCodec.encode(job("t-after-poison")));

        var events = receiveEventsUntilTerminal();
        assertThat(events.get(events.size() - 1).taskId()).isEqualTo("t-after-poison");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> admin.getQueueInfo(deadLetterQueue).getMessageCount() == 1);
        var dead = template.receive(deadLetterQueue);
        assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).isEqualTo("this is not a job");
        assertThat(conversions.get()).isEqualTo(1);
    }

    @Test
    void theTaskIdAndAttemptAreInTheLogContextDuringTheJob() {
        startWorker(EVENTS_ROUTING_KEY);

        send(MessageCodec.encode(job("t-mdc")));

        receiveEventsUntilTerminal();
        assertThat(logContexts)
                .singleElement()
                .satisfies(context ->
                        assertThat(context).containsEntry("task_id", "t-mdc").containsEntry("attempt", "2"));
    }

    @Test
    void aJobWhoseStartIsNotConfirmedGoesBackToTheQueueUnrun() {
        // nothing is bound for this routing key: the broker returns the Started event, the publisher reports it
        startWorker("no-such-binding");

        send(MessageCodec.encode(job("t-unroutable")));

        // the worker holds the job, unacknowledged, while it tries to report the start
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            var queue = admin.getQueueInfo(jobsQueue);
            return queue.getMessageCount() == 0 && queue.getConsumerCount() == 0;
        });
        lifecycle.stop();
        assertThat(jobsLeftAfterStop()).isEqualTo(1);
        assertThat(conversions).hasValue(0);
    }

    @Test
    void aBusyWorkerLeavesTheNextJobInTheQueueForOthers() throws Exception {
        var release = new CountDownLatch(1);
        converter = (job, progress) -> {
            conversions.incrementAndGet();
            awaitQuietly(release);
            return new ConversionResult(
                    job.resultObjectKey(), 1, 2.0, 320, 240, "h264", "aac", 0.0, 2.0, null, null, TrimMethod.REENCODE);
        };
        startWorker(EVENTS_ROUTING_KEY);

        send(MessageCodec.encode(job("t-long")));
        await().atMost(Duration.ofSeconds(10)).until(() -> conversions.get() == 1);
        send(MessageCodec.encode(job("t-waiting")));

        // the running job is acknowledged and the waiting one is ready, not pushed to the busy worker
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            var queue = admin.getQueueInfo(jobsQueue);
            return queue.getMessageCount() == 1 && queue.getConsumerCount() == 0;
        });
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> conversions.get() == 2);
        assertThat(jobsLeftAfterStop()).isZero();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
