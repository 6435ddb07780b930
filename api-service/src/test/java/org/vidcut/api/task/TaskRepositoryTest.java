package org.vidcut.api.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

class TaskRepositoryTest {

    private static MongoStandIn mongo;
    private TaskRepository tasks;

    @BeforeAll
    static void startMongo() {
        mongo = MongoStandIn.start();
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @BeforeEach
    void emptyCollection() {
        mongo.template().dropCollection(TaskDocument.class);
        tasks = new TaskRepository(mongo.template());
        tasks.createIndexes();
    }

    @Test
    void storesAndReadsBackEveryField() {
        var task = Tasks.task("alice", TaskState.NEW);
        tasks.insert(task);

        var read = tasks.findOwned("alice", task.getId()).orElseThrow();

        assertThat(read).usingRecursiveComparison().ignoringFields("version").isEqualTo(task);
        assertThat(read.getVersion()).isNotNull();
        assertThat(mongo.template().getCollection("tasks").find().first())
                .containsKeys("owner_id", "video_id", "next_publish_at", "created_at");
    }

    @Test
    void anotherUsersTaskIsNotFound() {
        var task = tasks.insert(Tasks.task("alice", TaskState.NEW));

        assertThat(tasks.findOwned("mallory", task.getId())).isEmpty();
        assertThat(tasks.removeOwned("mallory", task.getId())).isEmpty();
        assertThat(tasks.findById(task.getId())).isPresent();
    }

    @Test
    void listsOnlyTheOwnersTasksNewestFirstWithFilters() {
        var base = Instant.parse("2026-01-01T00:00:00Z");
        var ids = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            var task = Tasks.task("alice", i % 2 == 0 ? TaskState.DONE : TaskState.FAILED);
            task.setCreatedAt(base.plusSeconds(i));
            task.setVideoId(i < 3 ? "v1" : "v2");
            ids.add(tasks.insert(task).getId());
        }
        tasks.insert(Tasks.task("bob", TaskState.DONE));

        var firstPage = tasks.findOwned("alice", null, null, PageRequest.of(0, 2));
        assertThat(firstPage.getTotalElements()).isEqualTo(5);
        assertThat(firstPage.getContent()).extracting(TaskDocument::getId).containsExactly(ids.get(4), ids.get(3));
        var lastPage = tasks.findOwned("alice", null, null, PageRequest.of(2, 2));
        assertThat(lastPage.getContent()).extracting(TaskDocument::getId).containsExactly(ids.get(0));

        var done = tasks.findOwned("alice", TaskState.DONE, null, PageRequest.of(0, 10));
        assertThat(done.getContent())
                .extracting(TaskDocument::getId)
                .containsExactly(ids.get(4), ids.get(2), ids.get(0));
        var doneOfV1 = tasks.findOwned("alice", TaskState.DONE, "v1", PageRequest.of(0, 10));
        assertThat(doneOfV1.getContent()).extracting(TaskDocument::getId).containsExactly(ids.get(2), ids.get(0));
    }

    @Test
    void compareAndSetAppliesOnlyToTheExpectedAttemptAndState() {
        var task = tasks.insert(Tasks.task("alice", TaskState.SCHEDULED));
        var now = Instant.now();

        var staleAttempt = tasks.compareAndSet(
                task.getId(), 2, Set.of(TaskState.SCHEDULED), new Update().set("state", TaskState.PROCESSING), now);
        var wrongState = tasks.compareAndSet(
                task.getId(), 1, Set.of(TaskState.NEW), new Update().set("state", TaskState.PROCESSING), now);
        var matching = tasks.compareAndSet(
                task.getId(), 1, Set.of(TaskState.SCHEDULED), new Update().set("state", TaskState.PROCESSING), now);

        assertThat(staleAttempt).isEmpty();
        assertThat(wrongState).isEmpty();
        assertThat(matching).hasValueSatisfying(t -> {
            assertThat(t.getState()).isEqualTo(TaskState.PROCESSING);
            assertThat(t.getVersion()).isEqualTo(task.getVersion() + 1);
            assertThat(t.getUpdatedAt()).isEqualTo(now.truncatedTo(ChronoUnit.MILLIS));
        });
    }

    @Test
    void concurrentCompareAndSetsLetExactlyOneWin() throws Exception {
        var task = tasks.insert(Tasks.task("alice", TaskState.NEW));
        var winners = ConcurrentHashMap.<Integer>newKeySet();
        var pool = Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < 8; i++) {
                int contender = i;
                pool.submit(() -> tasks.compareAndSet(
                                task.getId(),
                                1,
                                Set.of(TaskState.NEW),
                                new Update().set("state", TaskState.SCHEDULED),
                                Instant.now())
                        .ifPresent(t -> winners.add(contender)));
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(winners).hasSize(1);
    }

    @Test
    void claimsEachDuePublicationOnce() {
        var now = Instant.now();
        var due = Tasks.task("alice", TaskState.NEW);
        due.setNextPublishAt(now.minusSeconds(1));
        var notYet = Tasks.task("alice", TaskState.NEW);
        notYet.setNextPublishAt(now.plusSeconds(60));
        var scheduled = Tasks.task("alice", TaskState.SCHEDULED);
        scheduled.setNextPublishAt(now.minusSeconds(1));
        tasks.insert(due);
        tasks.insert(notYet);
        tasks.insert(scheduled);

        var first = tasks.claimDuePublication(now, now.plus(Duration.ofSeconds(30)));
        var second = tasks.claimDuePublication(now, now.plus(Duration.ofSeconds(30)));

        assertThat(first).hasValueSatisfying(t -> assertThat(t.getId()).isEqualTo(due.getId()));
        assertThat(second).isEmpty();
    }

    @Test
    void findsProcessingTasksWithoutRecentHeartbeat() {
        var now = Instant.now();
        var silent = Tasks.task("alice", TaskState.PROCESSING);
        silent.setLastHeartbeatAt(now.minusSeconds(600));
        var alive = Tasks.task("alice", TaskState.PROCESSING);
        alive.setLastHeartbeatAt(now.minusSeconds(5));
        var done = Tasks.task("alice", TaskState.DONE);
        done.setLastHeartbeatAt(now.minusSeconds(600));
        List.of(silent, alive, done).forEach(tasks::insert);

        var found = tasks.findSilentSince(now.minusSeconds(120), 10);

        assertThat(found).extracting(TaskDocument::getId).containsExactly(silent.getId());
    }

    @Test
    void makesScheduledTasksDueAgain() {
        var scheduled = tasks.insert(Tasks.task("alice", TaskState.SCHEDULED));
        var processing = tasks.insert(Tasks.task("alice", TaskState.PROCESSING));
        var now = Instant.now();

        assertThat(tasks.makeScheduledDue(now)).isEqualTo(1);

        assertThat(tasks.findById(scheduled.getId()).orElseThrow().getState()).isEqualTo(TaskState.NEW);
        assertThat(tasks.findById(scheduled.getId()).orElseThrow().getAttempt()).isEqualTo(1);
        assertThat(tasks.findById(processing.getId()).orElseThrow().getState()).isEqualTo(TaskState.PROCESSING);
    }

    @Test
    void removesTheTasksOfOneVideo() {
        var keep = Tasks.task("alice", TaskState.DONE);
        keep.setVideoId("v2");
        tasks.insert(keep);
        tasks.insert(Tasks.task("alice", TaskState.DONE));
        tasks.insert(Tasks.task("bob", TaskState.DONE));

        assertThat(tasks.findOwnedByVideo("alice", "v1")).hasSize(1);
        assertThat(tasks.removeOwnedByVideo("alice", "v1")).isEqualTo(1);

        assertThat(mongo.template().count(new Query(), TaskDocument.class)).isEqualTo(2);
    }
}
