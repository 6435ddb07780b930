package org.vidcut.api.task;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the fair dispatcher ({@code vidcut.scheduling.*}). The broker holds at most {@code jobsPerConsumer}
 * not yet started jobs per consumer of the jobs queue, and never fewer than {@code minJobsInBroker}; every other
 * waiting task waits in MongoDB for its fair turn.
 *
 * @param jobsPerConsumer not yet started jobs handed to the broker per worker; more keeps workers busier between
 *     jobs, fewer lets another user's task overtake a backlog sooner
 * @param minJobsInBroker the window when the consumer count is unknown or zero, and its floor
 * @param dispatchInterval how often the dispatcher looks for room besides the moments a job starts or ends
 */
@Validated
@ConfigurationProperties("vidcut.scheduling")
record SchedulingProperties(
        @Min(1) @Max(1_000) int jobsPerConsumer,
        @Min(1) @Max(10_000) int minJobsInBroker,
        @NotNull Duration dispatchInterval) {

    SchedulingProperties {
        if (dispatchInterval != null && (dispatchInterval.isNegative() || dispatchInterval.isZero())) {
            throw new IllegalArgumentException(
                    "vidcut.scheduling.dispatch-interval must be positive, was " + dispatchInterval);
        }
    }
}
