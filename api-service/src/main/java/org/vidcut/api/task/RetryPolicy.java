package org.vidcut.api.task;

import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** How often and how late a transiently failed task is tried again: exponential backoff, bounded attempts. */
@Component
class RetryPolicy {

    private static final int MAX_DOUBLINGS = 20;

    private final int maxAttempts;
    private final Duration backoff;

    @Autowired
    RetryPolicy(TaskProperties properties) {
        this(properties.maxAttempts(), properties.retryBackoff());
    }

    RetryPolicy(int maxAttempts, Duration backoff) {
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    /**
     * @param attemptsMade attempts already made in this run, the failed one included
     * @return the delay before the next attempt, or empty when the task has used up its attempts
     */
    Optional<Duration> delayAfter(int attemptsMade) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        int doublings = Math.min(Math.max(attemptsMade - 1, 0), MAX_DOUBLINGS);
        return Optional.of(backoff.multipliedBy(1L << doublings));
    }
}
