package org.vidcut.api.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskTimesTest {

    @Test
    void readsIntegerSeconds() {
        assertThat(TaskTimes.parse("start_time", 12)).isEqualTo(12.0);
        assertThat(TaskTimes.parse("start_time", 12L)).isEqualTo(12.0);
    }

    @Test
    void readsDecimalSeconds() {
        assertThat(TaskTimes.parse("start_time", 1.25)).isEqualTo(1.25);
        assertThat(TaskTimes.parse("start_time", new BigDecimal("7.125"))).isEqualTo(7.125);
    }

    @Test
    void readsClockStrings() {
        assertThat(TaskTimes.parse("end_time", "01:02:03")).isEqualTo(3723.0);
        assertThat(TaskTimes.parse("end_time", "00:00:10.500")).isEqualTo(10.5);
        assertThat(TaskTimes.parse("end_time", " 00:01:00.25 ")).isEqualTo(60.25);
    }

    @Test
    void readsSecondStrings() {
        assertThat(TaskTimes.parse("end_time", "42")).isEqualTo(42.0);
        assertThat(TaskTimes.parse("end_time", "3.750")).isEqualTo(3.75);
    }

    @Test
    void absentTimeIsNull() {
        assertThat(TaskTimes.parse("start_time", null)).isNull();
    }

    @Test
    void rejectsNegativeNumber() {
        assertThatThrownBy(() -> TaskTimes.parse("start_time", -1))
                .isInstanceOf(InvalidTaskRequest.class)
                .hasMessage("start_time: must not be negative");
    }

    @Test
    void rejectsNegativeString() {
        assertThatThrownBy(() -> TaskTimes.parse("end_time", "-00:00:01"))
                .isInstanceOf(InvalidTaskRequest.class)
                .hasMessage("end_time: must not be negative");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "1:2:3", "00:60:00", "00:00:61", "1e3", "12.", ".5", "1,5", "NaN", "10s"})
    void rejectsGarbageStrings(String value) {
        assertThatThrownBy(() -> TaskTimes.parse("start_time", value))
                .isInstanceOf(InvalidTaskRequest.class)
                .hasMessageStartingWith("start_time: must be seconds");
    }

    @Test
    void rejectsNonNumericJsonValues() {
        for (Object value : List.of(true, Map.of("s", 1), List.of(1))) {
            assertThatThrownBy(() -> TaskTimes.parse("start_time", value))
                    .isInstanceOf(InvalidTaskRequest.class)
                    .hasMessageStartingWith("start_time:");
        }
    }

    @Test
    void rejectsNotANumber() {
        assertThatThrownBy(() -> TaskTimes.parse("end_time", Double.NaN)).isInstanceOf(InvalidTaskRequest.class);
        assertThatThrownBy(() -> TaskTimes.parse("end_time", Double.POSITIVE_INFINITY))
                .isInstanceOf(InvalidTaskRequest.class);
    }
}
