package org.vidcut.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;
import static org.vidcut.api.task.TaskBuilder.aTask;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.vidcut.api.messaging.JobConsumers;
import org.vidcut.api.messaging.JobPublisher;
import org.vidcut.api.messaging.PublishOutcome;
import org.vidcut.api.testing.InMemoryMongo;
import org.vidcut.contracts.ConversionJob;

/** The fair order, the window and the queue positions on the MongoDB stand-in. */
class FairDispatcherTest {

    private static MongoTemplate mongo;
    private final Instant start = Instant.now().minusSeconds(60);
    private TaskRepository tasks;
    private WaitingTasks queue;
    private List<String> published;

    @BeforeAll
    static void database() {
        mongo = InMemoryMongo.template(FairDispatcherTest.class);
    }

    @BeforeEach
    void setUp() {
        mongo.dropCollection(TaskDocument.class);
        tasks = new TaskRepository(mongo, event -> {});
        queue = new WaitingTasks(mongo);
        published = new CopyOnWriteArrayList<>();
    }

    private FairDispatcher dispatcher(int minJobsInBroker, JobConsumers consumers) {
        var publisher = mock(JobPublisher.class);
        when(publisher.publish(any(), any())).thenAnswer(call -> {
            published.add(call.<ConversionJob>getArgument(0).taskId());
            return PublishOutcome.CONFIRMED;
        });
        var properties = TaskWiring.properties(false);
        var window = new JobWindow(new SchedulingProperties(1, minJobsInBroker, Duration.ofSeconds(1)), consumers);
        return new FairDispatcher(tasks, queue, new JobDispatcher(publisher, tasks, properties), window, properties);
    }

    private TaskDocument waiting(String owner, int secondsAfterStart) {
        return tasks.insert(aTask().ownedBy(owner)
                .waiting(start.plusSeconds(secondsAfterStart))
                .build());
    }

    private long position(TaskDocument task) {
        return queue.position(tasks.findById(task.id()).orElseThrow());
    }

    @Test
    void handsOutNoMoreJobsThanTheWindowHolds() {
        for (int i = 0; i < 5; i++) {
            waiting("alice", i);
        }

        assertThat(dispatcher(2, OptionalInt::empty).handOut()).isEqualTo(2);

        assertThat(published).hasSize(2);
        assertThat(queue.handedOut()).isEqualTo(2);
    }

    @Test
    void sizesTheWindowByTheConsumersOfTheJobsQueue() {
        for (int i = 0; i < 5; i++) {
            waiting("alice", i);
        }

        assertThat(dispatcher(1, () -> OptionalInt.of(3)).handOut()).isEqualTo(3);
    }

    @Test
    void theUserWithFewestJobsInFlightGoesFirstThenTheOldestWaitingTask() {
        tasks.insert(aTask().ownedBy("alice").processing().build());
        var alicesFirst = waiting("alice", 1);
        var alicesSecond = waiting("alice", 2);
        var bobs = waiting("bob", 3);
        var carols = waiting("carol", 4);

        dispatcher(1, OptionalInt::empty).handOut();
        assertThat(published).containsExactly(bobs.id());

        // bob's job started: now bob and alice have one each, carol none
        tasks.transition(bobs.id(), 1, TaskTransitions.Trigger.STARTED, t -> new Update());
        dispatcher(1, OptionalInt::empty).handOut();
        assertThat(published).containsExactly(bobs.id(), carols.id());
        assertThat(position(alicesFirst)).isEqualTo(0);
        assertThat(position(alicesSecond)).isEqualTo(1);
    }

    @Test
    void atEqualLoadTheUserServedLongestAgoGoesFirst() {
        // alice's jobs end as fast as they are handed out: her load is back to 0, as bob's is
        tasks.insert(aTask().ownedBy("alice").done().build());
        waiting("alice", 1);
        var bobs = waiting("bob", 2);

        dispatcher(1, OptionalInt::empty).handOut();

        assertThat(published).containsExactly(bobs.id());
    }

    @Test
    void queuePositionCountsEveryUsersTasksInTheFairOrder() {
        tasks.insert(aTask().ownedBy("alice").processing().build());
        tasks.insert(aTask().ownedBy("alice").processing().build());
        var alices = List.of(waiting("alice", 1), waiting("alice", 2), waiting("alice", 3));
        var bobs = List.of(waiting("bob", 4), waiting("bob", 5), waiting("bob", 6), waiting("bob", 7));

        // the order by (load when its turn comes, time queued): bob 4 (0), bob 5 (1), alice 1 (2), bob 6 (2),
        // alice 2 (3), bob 7 (3), alice 3 (4)
        assertThat(bobs.stream().map(this::position)).containsExactly(0L, 1L, 3L, 5L);
        assertThat(alices.stream().map(this::position)).containsExactly(2L, 4L, 6L);
    }

    @Test
    void onlyScheduledTasksHaveAQueuePositionAndAHandedOutOneIsNext() {
        assertThat(queue.position(aTask().scheduled().build())).isZero();
        assertThat(queue.position(aTask().processing().build())).isNull();
        assertThat(queue.position(aTask().build())).isNull();
        assertThat(queue.position(aTask().done().build())).isNull();
    }

    @Test
    void replicasHandingOutAtOnceNeverPublishATaskTwice() throws Exception {
        for (int i = 0; i < 40; i++) {
            waiting(i % 2 == 0 ? "alice" : "bob", i);
        }
        var replicas = List.of(dispatcher(40, OptionalInt::empty), dispatcher(40, OptionalInt::empty));
        var pool = Executors.newFixedThreadPool(2);
        try {
            // one sweep hands out at most a batch (10 here): each replica sweeps until the queue is empty
            replicas.forEach(replica -> pool.submit(() -> {
                while (queue.next().isPresent()) {
                    replica.handOut();
                }
            }));
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(published).hasSize(40).doesNotHaveDuplicates();
    }
}
