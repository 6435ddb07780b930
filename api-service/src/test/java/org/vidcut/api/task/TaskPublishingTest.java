package org.vidcut.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AnonymousQueue;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.DirectExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.vidcut.api.messaging.JobPublisher;
import org.vidcut.api.messaging.RabbitBroker;
import org.vidcut.api.messaging.RecordingCancelPublisher;
import org.vidcut.api.storage.InMemoryObjectStore;
import org.vidcut.api.testing.InMemoryMongo;
import org.vidcut.api.video.OwnedVideos;
import org.vidcut.contracts.ConversionJob;
import org.vidcut.contracts.MessageCodec;
import org.vidcut.contracts.Topology;

/** Creating a task against the real broker (a throw-away route on it) and against no broker at all. */
class TaskPublishingTest {

    private static MongoTemplate mongo;
    private TaskRepository tasks;
    private OwnedVideos videos;

    @BeforeAll
    static void database() {
        mongo = InMemoryMongo.template(TaskPublishingTest.class);
    }

    @BeforeEach
    void setUp() {
        mongo.dropCollection(TaskDocument.class);
        tasks = new TaskRepository(mongo, event -> {});
        videos = mock(OwnedVideos.class);
        when(videos.findOwned("alice", "v1")).thenReturn(TaskPlannerTest.mp4());
    }

    private TaskService service(JobPublisher publisher) {
        var properties = TaskWiring.properties(false);
        var store = new InMemoryObjectStore();
        return new TaskService(
                tasks,
                videos,
                TaskWiring.dispatcher(mongo, tasks, new JobDispatcher(publisher, tasks, properties), properties),
                store,
                properties,
                TaskMetrics.unregistered(),
                TaskWiring.views(mongo, store),
                new RecordingCancelPublisher());
    }

    @Test
    void confirmedPublicationMovesTheTaskFromNewToScheduled() {
        assumeTrue(RabbitBroker.reachable(), "RabbitMQ is not running on 127.0.0.1:5672");
        var connectionFactory = RabbitBroker.connectionFactory(RabbitBroker.PORT);
        var admin = new RabbitAdmin(connectionFactory);
        var exchange = new DirectExchange("vidcut.test.jobs." + UUID.randomUUID(), false, true);
        var queue = new AnonymousQueue();
        try {
            admin.declareExchange(exchange);
            admin.declareQueue(queue);
            admin.declareBinding(BindingBuilder.bind(queue).to(exchange).with(Topology.JOBS_ROUTING_KEY));
            var publisher = new JobPublisher(connectionFactory, exchange.getName(), Topology.JOBS_ROUTING_KEY);

            var view = service(publisher).create("alice", TaskWiring.trim("v1"));

            assertThat(view.state()).isEqualTo(TaskState.SCHEDULED);
            assertThat(tasks.findById(view.id()).orElseThrow().state()).isEqualTo(TaskState.SCHEDULED);
            var received = new RabbitTemplate(connectionFactory).receive(queue.getName(), 5_000);
            assertThat(received).isNotNull();
            var job = MessageCodec.decode(received.getBody(), ConversionJob.class);
            assertThat(job.taskId()).isEqualTo(view.id());
            assertThat(job.attempt()).isEqualTo(1);
        } finally {
            admin.deleteQueue(queue.getName());
            admin.deleteExchange(exchange.getName());
            connectionFactory.destroy();
        }
    }

    @Test
    void unreachableBrokerLeavesTheJobDueForTheSweeper() {
        var connectionFactory = RabbitBroker.connectionFactory(RabbitBroker.closedPort());
        try {
            var view = service(new JobPublisher(connectionFactory)).create("alice", TaskWiring.trim("v1"));

            assertThat(view.state()).isEqualTo(TaskState.SCHEDULED);
            var task = tasks.findById(view.id()).orElseThrow();
            assertThat(task.state()).isEqualTo(TaskState.SCHEDULED);
            assertThat(task.handedOutAt()).isNotNull();
            assertThat(task.nextPublishAt()).isNotNull();
        } finally {
            connectionFactory.destroy();
        }
    }
}
