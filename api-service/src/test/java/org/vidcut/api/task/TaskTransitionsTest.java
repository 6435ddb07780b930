package org.vidcut.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.vidcut.api.task.TaskBuilder.aTask;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.vidcut.api.task.TaskTransitions.Row;
import org.vidcut.api.task.TaskTransitions.Trigger;
import org.vidcut.api.testing.InMemoryMongo;

/** The transition table as the repository applies it to stored tasks on the MongoDB stand-in. */
class TaskTransitionsTest {

    private static MongoTemplate mongo;
    private TaskRepository tasks;

    @BeforeAll
    static void database() {
        mongo = InMemoryMongo.template(TaskTransitionsTest.class);
    }

    @BeforeEach
    void emptyCollection() {
        mongo.dropCollection(TaskDocument.class);
        tasks = new TaskRepository(mongo, event -> {});
    }

    static Stream<Row> everyRow() {
        return TaskTransitions.TABLE.stream();
    }

    static Stream<Arguments> everyPairWithoutARow() {
        return Arrays.stream(TaskState.values())
                .flatMap(state -> Arrays.stream(Trigger.values())
                        .filter(trigger -> !TaskTransitions.allows(state, trigger))
                        .map(trigger -> Arguments.of(state, trigger)));
    }

    /** A task in {@code state} at its second attempt, so that a moved attempt number shows. */
    private TaskDocument stored(TaskState state) {
        return tasks.insert(aTask().in(state).attempt(2).build());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRow")
    void appliesTheRowAndRecordsTheStatesEntered(Row row) {
        var before = stored(row.from());

        var moved = tasks.transition(before.id(), 2, row.trigger(), task -> new Update());

        int attemptAfter = row.trigger().startsAttempt() ? 3 : 2;
        assertThat(moved).isPresent();
        var after = tasks.findById(before.id()).orElseThrow();
        assertThat(after).usingRecursiveComparison().isEqualTo(moved.get());
        assertThat(after.state()).isEqualTo(row.to());
        assertThat(after.attempt()).isEqualTo(attemptAfter);
        assertThat(after.version()).isEqualTo(before.version() + 1);
        var expectedHistory = new ArrayList<>(before.history());
        if (!row.stays()) {
            row.implied()
                    .forEach(state -> expectedHistory.add(new StateChange(state, attemptAfter, after.updatedAt())));
            expectedHistory.add(new StateChange(row.to(), attemptAfter, after.updatedAt()));
        }
        assertThat(after.history()).containsExactlyElementsOf(expectedHistory);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("everyPairWithoutARow")
    void refusesEveryChangeWithoutARowAndLeavesTheTaskAsItWas(TaskState state, Trigger trigger) {
        var before = stored(state);

        var moved = tasks.transition(before.id(), 2, trigger, task -> new Update().set("error", "must not be set"));

        assertThat(moved).isEmpty();
        assertThat(tasks.findById(before.id()).orElseThrow())
                .usingRecursiveComparison()
                .isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRow")
    void refusesTheRowForAnotherAttempt(Row row) {
        var before = stored(row.from());

        assertThat(tasks.transition(before.id(), 1, row.trigger(), task -> new Update()))
                .isEmpty();
        assertThat(tasks.transition(before.id(), 3, row.trigger(), task -> new Update()))
                .isEmpty();
        assertThat(tasks.findById(before.id()).orElseThrow())
                .usingRecursiveComparison()
                .isEqualTo(before);
    }

    @Test
    void refusesEveryChangeOfAMissingTask() {
        var missing = aTask().build();

        for (var trigger : Trigger.values()) {
            assertThat(tasks.transition(missing.id(), 1, trigger, task -> new Update()))
                    .as(trigger.name())
                    .isEmpty();
        }
        assertThat(tasks.findById(missing.id())).isEmpty();
    }

    @Test
    void setsTheRowsOwnChangesInTheSameUpdate() {
        var before = stored(TaskState.PROCESSING);

        var moved = tasks.transition(
                before.id(),
                2,
                Trigger.FAILED,
                task -> new Update().set("error", "broken at attempt " + task.attempt()));

        assertThat(moved).hasValueSatisfying(task -> {
            assertThat(task.state()).isEqualTo(TaskState.FAILED);
            assertThat(task.error()).isEqualTo("broken at attempt 2");
            assertThat(task.updatedAt()).isAfterOrEqualTo(before.updatedAt().truncatedTo(ChronoUnit.MILLIS));
        });
    }

    @Test
    void hasAtMostOneRowForEachStateAndTrigger() {
        var pairs = TaskTransitions.TABLE.stream()
                .collect(Collectors.groupingBy(row -> row.from() + " on " + row.trigger(), Collectors.counting()));

        assertThat(pairs).allSatisfy((pair, rows) -> assertThat(rows).as(pair).isEqualTo(1L));
    }

    @Test
    void doneIsFinalAndFailedOrCanceledOnlyRestart() {
        assertThat(TaskTransitions.TABLE).noneMatch(row -> row.from() == TaskState.DONE);
        assertThat(TaskTransitions.TABLE)
                .filteredOn(row -> row.from() == TaskState.FAILED || row.from() == TaskState.CANCELED)
                .extracting(Row::trigger, Row::to)
                .containsOnly(tuple(Trigger.RESTARTED, TaskState.NEW));
    }

    @Test
    void everyActiveStateCanBeCanceledOrFailed() {
        for (var state : TaskState.ACTIVE) {
            assertThat(TaskTransitions.find(state, Trigger.CANCELED))
                    .as(state.id())
                    .hasValueSatisfying(row -> assertThat(row.to()).isEqualTo(TaskState.CANCELED));
            assertThat(TaskTransitions.find(state, Trigger.FAILED))
                    .as(state.id())
                    .hasValueSatisfying(row -> assertThat(row.to()).isEqualTo(TaskState.FAILED));
        }
    }
}
