package org.vidcut.api.webhooks;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of webhooks ({@code vidcut.webhooks.*}).
 *
 * @param allowPrivateTargets deliver to loopback, private, link-local and similar addresses too (tests, or a
 *     trusted internal network); off, such targets are refused at creation and at every delivery
 * @param connectTimeout how long a delivery may take to connect
 * @param readTimeout how long a delivery may wait for the receiver's answer
 * @param retryBackoff the delay after the first failed attempt; it doubles with every further one
 * @param maxBackoff the longest delay between two attempts
 * @param retryFor how long a failing delivery is retried before it is {@code failed}
 * @param lease how long a claimed delivery or notification is left to the replica that claimed it; longer than a
 *     whole attempt, so that only a dead replica's claims are taken over
 * @param sweepInterval how often due deliveries are looked for when nothing wakes the sweeper earlier
 * @param senders how many deliveries one api sends at once
 */
@Validated
@ConfigurationProperties("vidcut.webhooks")
record WebhookProperties(
        boolean allowPrivateTargets,
        @NotNull Duration connectTimeout,
        @NotNull Duration readTimeout,
        @NotNull Duration retryBackoff,
        @NotNull Duration maxBackoff,
        @NotNull Duration retryFor,
        @NotNull Duration lease,
        @NotNull Duration sweepInterval,
        @Min(1) @Max(64) int senders) {

    WebhookProperties {
        requirePositive("connect-timeout", connectTimeout);
        requirePositive("read-timeout", readTimeout);
        requirePositive("retry-backoff", retryBackoff);
        requirePositive("max-backoff", maxBackoff);
        requirePositive("retry-for", retryFor);
        requirePositive("lease", lease);
        requirePositive("sweep-interval", sweepInterval);
        if (lease != null
                && connectTimeout != null
                && readTimeout != null
                && lease.compareTo(connectTimeout.plus(readTimeout)) <= 0) {
            throw new IllegalArgumentException(
                    "vidcut.webhooks.lease must be longer than connect-timeout + read-timeout, was " + lease);
        }
    }

    /** The delay before the attempt after {@code attempts} failed ones. */
    Duration backoffAfter(int attempts) {
        var delay = retryBackoff;
        for (int i = 1; i < attempts && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) < 0 ? delay : maxBackoff;
    }

    private static void requirePositive(String name, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException("vidcut.webhooks." + name + " must be positive, was " + value);
        }
    }
}
