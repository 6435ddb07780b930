package org.vidcut.worker.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConversionTimeoutsTest {

    private final ConversionTimeouts timeouts =
            new ConversionTimeouts(Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofHours(6));

    @Test
    void addsTheShareForEveryOutputSecondToTheBase() {
        assertThat(timeouts.forOutput(30)).isEqualTo(Duration.ofSeconds(360));
    }

    @Test
    void countsFractionsOfASecond() {
        assertThat(timeouts.forOutput(2.5)).isEqualTo(Duration.ofSeconds(85));
    }

    @Test
    void neverExceedsTheAbsoluteCeilingHoweverLongTheOutput() {
        // a claimed 12 h would otherwise get 60 s + 12 h x 10 = 5 days
        assertThat(timeouts.forOutput(12 * 3600)).isEqualTo(Duration.ofHours(6));
        assertThat(timeouts.forOutput(Double.MAX_VALUE)).isEqualTo(Duration.ofHours(6));
    }

    @Test
    void anEmptyOrNegativeDurationGetsTheBaseOnly() {
        assertThat(timeouts.forOutput(0)).isEqualTo(Duration.ofSeconds(60));
        assertThat(timeouts.forOutput(-3)).isEqualTo(Duration.ofSeconds(60));
    }
}
