package org.vidcut.api.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(4, Duration.ofSeconds(5));

    @Test
    void doublesTheBackoffWithEveryFailedAttempt() {
        assertThat(policy.delayAfter(1)).contains(Duration.ofSeconds(5));
        assertThat(policy.delayAfter(2)).contains(Duration.ofSeconds(10));
        assertThat(policy.delayAfter(3)).contains(Duration.ofSeconds(20));
    }

    @Test
    void givesUpWhenTheAttemptsAreUsedUp() {
        assertThat(policy.delayAfter(4)).isEmpty();
        assertThat(policy.delayAfter(5)).isEmpty();
    }

    @Test
    void singleAttemptNeverRetries() {
        assertThat(new RetryPolicy(1, Duration.ofSeconds(5)).delayAfter(1)).isEmpty();
    }

    @Test
    void backoffDoesNotOverflowForLargeAttemptCounts() {
        var generous = new RetryPolicy(100, Duration.ofMillis(1));
        assertThat(generous.delayAfter(99))
                .hasValueSatisfying(d -> assertThat(d).isPositive());
    }
}
