package org.vidcut.api.task;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the task feature ({@code vidcut.tasks.*}).
 *
 * @param maxAttempts attempts per run (a create or a restart) before a task that keeps failing transiently fails
 * @param retryBackoff delay before the second attempt; it doubles with every further attempt
 * @param heartbeatTimeout a processing task without a heartbeat for this long is given a new attempt
 * @param republishAfter when a job was not confirmed by the broker, publish it again after this delay
 * @param sweepInterval how often the outbox sweeper and the reaper run
 * @param publishConfirmTimeout how long a publisher waits for the broker's confirm
 * @param requeueScheduledOnStartup publish scheduled tasks again at startup, for a broker that forgets messages
 * @param sweepBatchSize how many due tasks one sweep publishes (or reaps) at most
 */
@Validated
@ConfigurationProperties("vidcut.tasks")
record TaskProperties(
        @Min(1) @Max(100) int maxAttempts,
        @NotNull @DurationMin(millis = 1) Duration retryBackoff,
        @NotNull @DurationMin(millis = 1) Duration heartbeatTimeout,
        @NotNull @DurationMin(millis = 1) Duration republishAfter,
        @NotNull @DurationMin(millis = 1) Duration sweepInterval,
        @NotNull @DurationMin(millis = 1) Duration publishConfirmTimeout,
        boolean requeueScheduledOnStartup,
        @Min(1) @Max(10_000) int sweepBatchSize) {}
