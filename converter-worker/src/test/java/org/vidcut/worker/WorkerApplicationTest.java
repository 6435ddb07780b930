package org.vidcut.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.Binding;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.FanoutExchange;
import org.springframework.amqp.core.Queue;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.util.unit.DataSize;
import org.vidcut.contracts.Topology;
import org.vidcut.support.storage.StorageProperties;

/**
 * The assembled worker: defaults bound, topology and listener wired. The broker address points nowhere so this
 * test never consumes from the shared job queue of a real RabbitMQ.
 */
@SpringBootTest(
        classes = WorkerApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "spring.rabbitmq.port=1",
            "vidcut.storage.access-key=worker-test",
            "vidcut.storage.secret-key=worker-test-secret",
            "vidcut.worker.id=ctx-worker",
            "vidcut.worker.concurrency=2",
            WorkerApplication.STRUCTURED_LOGGING
        })
@ExtendWith(OutputCaptureExtension.class)
class WorkerApplicationTest {

    @Autowired
    WorkerProperties worker;

    @Autowired
    StorageProperties storage;

    @Autowired
    Declarables topology;

    @Autowired
    ApplicationContext context;

    @Autowired
    MeterRegistry meters;

    @Test
    void bindsTheDefaults() {
        assertThat(worker.id()).isEqualTo("ctx-worker");
        assertThat(worker.heartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(worker.timeoutBase()).isEqualTo(Duration.ofSeconds(60));
        assertThat(worker.timeoutPerInputSecond()).isEqualTo(Duration.ofSeconds(10));
        assertThat(worker.maxOutputSize()).isEqualTo(DataSize.ofGigabytes(10));
        assertThat(worker.workDir().getFileName()).hasToString("vidcut-worker");
        assertThat(storage.bucket()).isEqualTo("vidcut");
        assertThat(storage.region()).isEqualTo("us-east-1");
        assertThat(storage.partSize()).isEqualTo(DataSize.ofMegabytes(8));
    }

    @Test
    void declaresTheJobAndEventQueuesWithDeadLettering() {
        var queues = topology.getDeclarablesByType(Queue.class);

        assertThat(queues)
                .extracting(Queue::getName)
                .containsExactlyInAnyOrder(
                        Topology.JOBS_QUEUE,
                        Topology.JOBS_DEAD_LETTER_QUEUE,
                        Topology.EVENTS_QUEUE,
                        Topology.EVENTS_DEAD_LETTER_QUEUE);
        assertThat(queues)
                .filteredOn(q -> q.getName().equals(Topology.JOBS_QUEUE))
                .singleElement()
                .satisfies(q -> assertThat(q.getArguments())
                        .containsAllEntriesOf(Topology.deadLetteringArguments(Topology.JOBS_DEAD_LETTER_EXCHANGE))
                        .containsEntry("x-queue-type", "quorum"));
        assertThat(topology.getDeclarablesByType(FanoutExchange.class))
                .extracting(FanoutExchange::getName)
                .contains(Topology.CONTROL_EXCHANGE);
    }

    @Test
    void consumesJobsWithOneSubscriptionPerSlot() {
        var consumer = context.getBean("jobConsumer");

        assertThat(ReflectionTestUtils.getField(consumer, "queue")).isEqualTo(Topology.JOBS_QUEUE);
        assertThat(ReflectionTestUtils.getField(consumer, "slots")).isEqualTo(2);
    }

    @Test
    void listensForCancelsOnAPrivateQueueBoundToTheControlFanout() {
        var binding = context.getBean("controlBinding", Binding.class);

        assertThat(binding.getExchange()).isEqualTo(Topology.CONTROL_EXCHANGE);
        assertThat(context.getBean("controlQueue", AnonymousQueue.class).isExclusive())
                .isTrue();
    }

    @Test
    void registersTheWorkerMetersInTheApplicationRegistry() {
        assertThat(meters.find("vidcut.jobs.in.progress").gauge()).isNotNull();
        assertThat(meters.get("vidcut.jobs.in.progress").gauge().value()).isZero();
    }

    @Test
    void ecsLogsKeepTheTaskIdAndAttemptOfTheLogContext(CapturedOutput output) {
        MDC.put("task_id", "t-ecs");
        MDC.put("attempt", "4");
        try {
            LoggerFactory.getLogger(WorkerApplicationTest.class).info("ecs check");
        } finally {
            MDC.clear();
        }

        assertThat(output.getOut())
                .contains("\"message\":\"ecs check\"")
                .contains("\"task_id\":\"t-ecs\"")
                .contains("\"attempt\":\"4\"");
    }
}
