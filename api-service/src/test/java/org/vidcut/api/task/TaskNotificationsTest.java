package org.vidcut.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.vidcut.api.task.TaskBuilder.aTask;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.vidcut.api.storage.InMemoryObjectStore;
import org.vidcut.api.task.TaskTransitions.Trigger;
import org.vidcut.api.testing.InMemoryMongo;
import tools.jackson.databind.json.JsonMapper;

/** The task side of the webhook outbox: notifications recorded with the state change, claimed and released. */
class TaskNotificationsTest {

    private static MongoTemplate mongo;
    private final List<Object> published = new CopyOnWriteArrayList<>();
    private TaskRepository tasks;
    private TaskNotifications notifications;

    @BeforeAll
    static void database() {
        mongo = InMemoryMongo.template(TaskNotificationsTest.class);
    }

    @BeforeEach
    void setUp() {
        mongo.dropCollection(TaskDocument.class);
        tasks = new TaskRepository(mongo, published::add);
        notifications = new TaskNotifications(
                mongo,
                TaskWiring.views(mongo, new InMemoryObjectStore()),
                JsonMapper.builder().build());
    }

    @Test
    void aStateChangeRecordsItsNotificationInTheSameDocumentAndAnnouncesIt() {
        var task = tasks.insert(aTask().scheduled().build());

        tasks.transition(task.id(), 1, Trigger.STARTED, t -> new Update());

        var stored = mongo.findById(task.id(), Document.class, "tasks");
        assertThat(stored.getList(TaskNotifications.PENDING, Document.class))
                .extracting(entry -> entry.get("state"))
                .containsExactly("PROCESSING");
        assertThat(stored.get(TaskNotifications.DUE)).isNotNull();
        assertThat(published)
                .filteredOn(TaskNotificationsPending.class::isInstance)
                .containsExactly(new TaskNotificationsPending(task.id()));
    }

    @Test
    void statesProvenByOneEventAreEachNotifiedAndNewIsNot() {
        var task = tasks.insert(aTask().build());

        tasks.transition(task.id(), 1, Trigger.SUCCEEDED, t -> new Update());
        var claim = notifications
                .claimNext(Instant.now(), Instant.now().plusSeconds(30))
                .orElseThrow();

        assertThat(claim.notices())
                .extracting(PendingNotifications.Notice::state)
                .containsExactly("scheduled", "processing", "done");
        assertThat(claim.notices())
                .allSatisfy(notice -> assertThat(notice.attempt()).isEqualTo(1));
        assertThat(claim.task().get("state").asString()).isEqualTo("done");
        assertThat(claim.ownerId()).isEqualTo("alice");
    }

    @Test
    void aClaimHidesTheTaskFromOtherSweepersUntilItsLeaseEnds() {
        var task = tasks.insert(aTask().scheduled().build());
        tasks.transition(task.id(), 1, Trigger.STARTED, t -> new Update());
        var now = Instant.now();

        assertThat(notifications.claimNext(now, now.plusSeconds(10))).isPresent();
        assertThat(notifications.claimNext(now, now.plusSeconds(10))).isEmpty();
        // the claimant died without releasing: the notifications are not lost
        assertThat(notifications.claimNext(now.plusSeconds(11), now.plusSeconds(30)))
                .hasValueSatisfying(claim -> assertThat(claim.taskId()).isEqualTo(task.id()));
    }

    @Test
    void releaseKeepsWhatChangedDuringTheClaimForTheNextSweep() {
        var task = tasks.insert(aTask().scheduled().build());
        tasks.transition(task.id(), 1, Trigger.STARTED, t -> new Update());
        var first = notifications
                .claimNext(Instant.now(), Instant.now().plusSeconds(30))
                .orElseThrow();

        tasks.transition(task.id(), 1, Trigger.SUCCEEDED, t -> new Update());
        notifications.release(first);

        var second = notifications
                .claimNext(Instant.now(), Instant.now().plusSeconds(30))
                .orElseThrow();
        assertThat(second.notices())
                .extracting(PendingNotifications.Notice::state)
                .containsExactly("processing", "done");
        notifications.release(second);
        assertThat(notifications.claimNext(
                        Instant.now().plus(Duration.ofMinutes(1)), Instant.now().plusSeconds(90)))
                .isEmpty();
    }
}
