package org.vidcut.worker.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ProgressPercentTest {

    @Test
    void isTheWrittenShareOfTheExpectedDuration() {
        assertThat(ProgressPercent.of(2_500_000_000L, 10)).isCloseTo(25, within(1e-9));
    }

    @Test
    void neverExceedsAHundred() {
        assertThat(ProgressPercent.of(12_000_000_000L, 10)).isEqualTo(100);
    }

    @Test
    void negativeTimesAtTheStartCountAsZero() {
        assertThat(ProgressPercent.of(-40_000_000L, 10)).isZero();
    }

    @Test
    void anUnknownExpectedDurationGivesZeroInsteadOfInfinity() {
        assertThat(ProgressPercent.of(1_000_000_000L, 0)).isZero();
        assertThat(ProgressPercent.of(1_000_000_000L, Double.NaN)).isZero();
    }
}
