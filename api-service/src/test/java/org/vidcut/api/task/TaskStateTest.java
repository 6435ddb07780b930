package org.vidcut.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.vidcut.api.task.TaskState.DONE;
import static org.vidcut.api.task.TaskState.FAILED;
import static org.vidcut.api.task.TaskState.NEW;
import static org.vidcut.api.task.TaskState.PROCESSING;
import static org.vidcut.api.task.TaskState.SCHEDULED;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TaskStateTest {

    /** The specification, written out independently of the production table. */
    private static final Set<String> ALLOWED = Set.of(
            "NEW->SCHEDULED",
            "NEW->PROCESSING",
            "SCHEDULED->PROCESSING",
            "SCHEDULED->DONE",
            "SCHEDULED->FAILED",
            "SCHEDULED->NEW",
            "PROCESSING->PROCESSING",
            "PROCESSING->DONE",
            "PROCESSING->FAILED",
            "PROCESSING->NEW",
            "FAILED->NEW");

    static Stream<Arguments> everyPair() {
        return Arrays.stream(TaskState.values())
                .flatMap(from -> Arrays.stream(TaskState.values()).map(to -> Arguments.of(from, to)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("everyPair")
    void allowsExactlyTheSpecifiedTransitions(TaskState from, TaskState to) {
        boolean expected = ALLOWED.contains(from + "->" + to);

        assertThat(from.canMoveTo(to)).isEqualTo(expected);
        if (expected) {
            assertThat(from.moveTo(to)).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> from.moveTo(to))
                    .isInstanceOf(IllegalTaskTransition.class)
                    .hasMessageContaining(from.id())
                    .hasMessageContaining(to.id());
        }
    }

    @Test
    void doneIsTerminal() {
        assertThat(Arrays.stream(TaskState.values()).filter(DONE::canMoveTo)).isEmpty();
    }

    @Test
    void sourcesOfATargetAreTheStatesThatMayReachIt() {
        assertThat(TaskState.sourcesOf(DONE)).containsExactlyInAnyOrder(SCHEDULED, PROCESSING);
        assertThat(TaskState.sourcesOf(PROCESSING)).containsExactlyInAnyOrder(NEW, SCHEDULED, PROCESSING);
        assertThat(TaskState.sourcesOf(NEW)).containsExactlyInAnyOrder(SCHEDULED, PROCESSING, FAILED);
        assertThat(TaskState.sourcesOf(SCHEDULED)).containsExactly(NEW);
    }

    @Test
    void idsAreLowercaseAndFoundCaseInsensitively() {
        assertThat(PROCESSING.id()).isEqualTo("processing");
        assertThat(TaskState.find(" Failed ")).contains(FAILED);
        assertThat(TaskState.find("finished")).isEmpty();
        assertThat(TaskState.find(null)).isEmpty();
    }
}
