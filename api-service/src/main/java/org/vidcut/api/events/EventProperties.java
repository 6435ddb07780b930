package org.vidcut.api.events;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the event streams ({@code vidcut.events.*}).
 *
 * @param maxStreamsPerUser open streams one user may hold on one replica; one more is a 429
 * @param keepAlive how often an idle stream gets a comment line, so proxies keep it and dead clients are noticed
 * @param streamTimeout a stream is closed after this long; clients (EventSource) reconnect and get the current state
 */
@Validated
@ConfigurationProperties("vidcut.events")
record EventProperties(
        @Min(1) @Max(10_000) int maxStreamsPerUser,
        @NotNull Duration keepAlive,
        @NotNull Duration streamTimeout) {

    EventProperties {
        requirePositive("keep-alive", keepAlive);
        requirePositive("stream-timeout", streamTimeout);
    }

    private static void requirePositive(String name, Duration value) {
        if (value != null && (value.isNegative() || value.isZero())) {
            throw new IllegalArgumentException("vidcut.events." + name + " must be positive, was " + value);
        }
    }
}
