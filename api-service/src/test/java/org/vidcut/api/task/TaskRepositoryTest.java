package org.vidcut.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.vidcut.api.task.TaskBuilder.aTask;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.vidcut.api.task.TaskTransitions.Trigger;
import org.vidcut.api.testing.InMemoryMongo;
import org.vidcut.contracts.TrimMethod;

class TaskRepositoryTest {

    private static MongoTemplate mongo;
    private final List<Object> announced = new ArrayList<>();
    private TaskRepository tasks;

    @BeforeAll
    static void database() {
        mongo = InMemoryMongo.template(TaskRepositoryTest.class);
    }

    @BeforeEach
    void emptyCollection() {
        mongo.dropCollection(TaskDocument.class);
        announced.clear();
        // the webhooks' wake-ups are TaskNotificationsTest's concern
        tasks = new TaskRepository(mongo, event -> {
            if (event instanceof TaskChanged) {
                announced.add(event);
            }
        });
        tasks.createIndexes();
    }

    @Test
    void storesAndReadsBackEveryField() {
        var task = aTask().processing()
                .attempt(3)
                .runFirstAttempt(2)
                .progress(42.5)
                .error("storage unavailable")
                .result(new TaskResult(
                        "results/alice/x/3.mp4",
                        10,
                        8.0,
                        640,
                        360,
                        "h264",
                        null,
                        2.0,
                        10.0,
                        null,
                        null,
                        TrimMethod.COPY))
                .nextPublishAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
        tasks.insert(task);

        var read = tasks.findOwned("alice", task.id()).orElseThrow();

        assertThat(read).usingRecursiveComparison().isEqualTo(task);
        assertThat(read.history()).hasSize(3);
        assertThat(mongo.getCollection("tasks").find().first())
                .containsKeys("owner_id", "video_id", "next_publish_at", "created_at");
    }

    @Test
    void anotherUsersTaskIsNotFound() {
        var task = tasks.insert(aTask().build());

        assertThat(tasks.findOwned("mallory", task.id())).isEmpty();
        assertThat(tasks.removeOwned("mallory", task.id())).isEmpty();
        assertThat(tasks.findById(task.id())).isPresent();
    }

    @Test
    void listsOnlyTheOwnersTasksNewestFirstWithFilters() {
        var base = Instant.parse("2026-01-01T00:00:00Z");
        var ids = new ArrayList<String>();
        for (int i = 0; i < 5; i++) {
            var task = aTask().in(i % 2 == 0 ? TaskState.DONE : TaskState.FAILED)
                    .createdAt(base.plusSeconds(i))
                    .video(i < 3 ? "v1" : "v2")
                    .build();
            ids.add(tasks.insert(task).id());
        }
        tasks.insert(aTask().ownedBy("bob").done().build());

        var firstPage = tasks.findOwned("alice", null, null, PageRequest.of(0, 2));
        assertThat(firstPage.getTotalElements()).isEqualTo(5);
        assertThat(firstPage.getContent()).extracting(TaskDocument::id).containsExactly(ids.get(4), ids.get(3));
        var lastPage = tasks.findOwned("alice", null, null, PageRequest.of(2, 2));
        assertThat(lastPage.getContent()).extracting(TaskDocument::id).containsExactly(ids.get(0));

        var done = tasks.findOwned("alice", TaskState.DONE, null, PageRequest.of(0, 10));
        assertThat(done.getContent()).extracting(TaskDocument::id).containsExactly(ids.get(4), ids.get(2), ids.get(0));
        var doneOfV1 = tasks.findOwned("alice", TaskState.DONE, "v1", PageRequest.of(0, 10));
        assertThat(doneOfV1.getContent()).extracting(TaskDocument::id).containsExactly(ids.get(2), ids.get(0));
    }

    @Test
    void transitionAppliesOnlyToTheCurrentAttempt() {
        var task = tasks.insert(aTask().scheduled().build());

        var staleAttempt = tasks.transition(task.id(), 2, Trigger.STARTED, t -> new Update());
        var matching = tasks.transition(
                task.id(), 1, Trigger.STARTED, t -> new Update().set("lastHeartbeatAt", Instant.now()));

        assertThat(staleAttempt).isEmpty();
        assertThat(matching).hasValueSatisfying(t -> {
            assertThat(t.state()).isEqualTo(TaskState.PROCESSING);
            assertThat(t.version()).isEqualTo(task.version() + 1);
            assertThat(t.lastHeartbeatAt()).isNotNull();
            assertThat(t.updatedAt()).isAfterOrEqualTo(task.updatedAt());
        });
    }

    @Test
    void transitionHoldsOnlyWhileTheExtraConditionHolds() {
        var task =
                tasks.insert(aTask().processing().lastHeartbeatAt(Instant.now()).build());
        var silent = where("lastHeartbeatAt").lt(Instant.now().minusSeconds(120));

        var retried = tasks.transition(task.id(), 1, Trigger.RETRIED, t -> new Update(), silent);

        assertThat(retried).isEmpty();
        assertThat(tasks.findById(task.id()).orElseThrow())
                .usingRecursiveComparison()
                .isEqualTo(task);
    }

    @Test
    void concurrentTransitionsLetExactlyOneWin() throws Exception {
        var task = tasks.insert(aTask().build());
        var winners = ConcurrentHashMap.<Integer>newKeySet();
        var pool = Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < 8; i++) {
                int contender = i;
                pool.submit(() -> tasks.transition(task.id(), 1, Trigger.QUEUED, t -> new Update())
                        .ifPresent(t -> winners.add(contender)));
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(winners).hasSize(1);
        assertThat(tasks.findById(task.id()).orElseThrow().history())
                .extracting(StateChange::state)
                .containsExactly(TaskState.NEW, TaskState.SCHEDULED);
    }

    @Test
    void concurrentHeartbeatsAreAllApplied() throws Exception {
        var task = tasks.insert(aTask().processing().build());
        var applied = ConcurrentHashMap.<Integer>newKeySet();
        var pool = Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < 4; i++) {
                int beat = i;
                pool.submit(() -> tasks.transition(task.id(), 1, Trigger.PROGRESS, t -> new Update())
                        .ifPresent(t -> applied.add(beat)));
            }
        } finally {
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }

        assertThat(applied).as("a lost race is read again and retried").hasSize(4);
        assertThat(tasks.findById(task.id()).orElseThrow().version()).isEqualTo(task.version() + 4);
    }

    @Test
    void claimsEachDuePublicationOnce() {
        var now = Instant.now();
        var due = aTask().scheduled().nextPublishAt(now.minusSeconds(1)).build();
        var notYet = aTask().scheduled().nextPublishAt(now.plusSeconds(60)).build();
        var notHandedOut =
                aTask().waiting(now).nextPublishAt(now.minusSeconds(1)).build();
        var queuedLater = aTask().nextPublishAt(now.minusSeconds(1)).build();
        tasks.insert(due);
        tasks.insert(notYet);
        tasks.insert(notHandedOut);
        tasks.insert(queuedLater);

        var first = tasks.claimDuePublication(now, now.plus(Duration.ofSeconds(30)));
        var second = tasks.claimDuePublication(now, now.plus(Duration.ofSeconds(30)));

        assertThat(first).hasValueSatisfying(t -> assertThat(t.id()).isEqualTo(due.id()));
        assertThat(second).isEmpty();
    }

    @Test
    void findsProcessingTasksWithoutRecentHeartbeat() {
        var now = Instant.now();
        var silent = aTask().processing().lastHeartbeatAt(now.minusSeconds(600)).build();
        var alive = aTask().processing().lastHeartbeatAt(now.minusSeconds(5)).build();
        var done = aTask().done().lastHeartbeatAt(now.minusSeconds(600)).build();
        List.of(silent, alive, done).forEach(tasks::insert);

        var found = tasks.findSilentSince(now.minusSeconds(120), 10);

        assertThat(found).extracting(TaskDocument::id).containsExactly(silent.id());
    }

    @Test
    void findsTasksInAState() {
        var scheduled = tasks.insert(aTask().scheduled().build());
        tasks.insert(aTask().processing().build());
        tasks.insert(aTask().scheduled().ownedBy("bob").build());

        assertThat(tasks.findInState(TaskState.SCHEDULED, 10)).hasSize(2);
        assertThat(tasks.findInState(TaskState.SCHEDULED, 1)).hasSize(1);
        assertThat(tasks.findInState(TaskState.CANCELED, 10)).isEmpty();
        assertThat(tasks.findInState(TaskState.SCHEDULED, 10))
                .extracting(TaskDocument::id)
                .contains(scheduled.id());
    }

    @Test
    void countsTheOwnersTasksInGivenStates() {
        tasks.insert(aTask().build());
        tasks.insert(aTask().scheduled().build());
        tasks.insert(aTask().processing().build());
        tasks.insert(aTask().done().build());
        tasks.insert(aTask().canceled().build());
        tasks.insert(aTask().processing().ownedBy("bob").build());

        assertThat(tasks.countOwnedIn("alice", TaskState.ACTIVE)).isEqualTo(3);
        assertThat(tasks.countOwnedIn("alice", List.of(TaskState.CANCELED))).isEqualTo(1);
        assertThat(tasks.countOwnedIn("carol", TaskState.ACTIVE)).isZero();
    }

    @Test
    void removesTheTasksOfOneVideo() {
        tasks.insert(aTask().done().video("v2").build());
        var kept = tasks.insert(aTask().done().ownedBy("bob").build());
        var doomed = tasks.insert(aTask().done().build());

        assertThat(tasks.removeOwnedByVideo("alice", "v1"))
                .extracting(TaskDocument::id)
                .containsExactly(doomed.id());

        assertThat(mongo.count(new Query(), TaskDocument.class)).isEqualTo(2);
        assertThat(tasks.findById(kept.id())).isPresent();
        assertThat(announced).last().isEqualTo(new TaskChanged(doomed.id(), "alice", "done", 0, true));
    }

    @Test
    void announcesTheInsertEveryTransitionAndTheRemovalOfATask() {
        var task = tasks.insert(aTask().scheduled().build());
        tasks.transition(task.id(), 1, Trigger.STARTED, current -> new Update());
        tasks.transition(task.id(), 1, Trigger.PROGRESS, current -> new Update());
        // refused by the table: nothing changed, nothing announced
        tasks.transition(task.id(), 1, Trigger.RESTARTED, current -> new Update());
        tasks.removeOwned("alice", task.id());

        assertThat(announced)
                .containsExactly(
                        new TaskChanged(task.id(), "alice", "scheduled", 0, false),
                        new TaskChanged(task.id(), "alice", "processing", 1, false),
                        new TaskChanged(task.id(), "alice", "processing", 2, false),
                        new TaskChanged(task.id(), "alice", "processing", 2, true));
    }
}
