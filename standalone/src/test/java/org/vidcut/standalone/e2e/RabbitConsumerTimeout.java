package org.vidcut.standalone.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.vidcut.standalone.standin.TestBroker;

/**
 * Lowers the real RabbitMQ's consumer timeout (and the channel tick that checks it) for channels opened from now
 * on, with {@code rabbitmqctl eval} as root, and puts both back on close. Empty where there is no RabbitMQ or no
 * permission: the test then runs without the lowered timeout.
 */
final class RabbitConsumerTimeout implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RabbitConsumerTimeout.class);
    private static final Duration TICK = Duration.ofSeconds(1);

    private final String timeoutBefore;
    private final String tickBefore;

    private RabbitConsumerTimeout(String timeoutBefore, String tickBefore) {
        this.timeoutBefore = timeoutBefore;
        this.tickBefore = tickBefore;
    }

    static Optional<RabbitConsumerTimeout> lower(Duration timeout) {
        if (!TestBroker.rabbitMqReachable()) {
            return Optional.empty();
        }
        var timeoutBefore = eval("application:get_env(rabbit, consumer_timeout).");
        var tickBefore = eval("application:get_env(rabbit, channel_tick_interval).");
        if (timeoutBefore.isEmpty() || tickBefore.isEmpty()) {
            log.warn("cannot change RabbitMQ's consumer timeout here (rabbitmqctl missing or not permitted)");
            return Optional.empty();
        }
        set("consumer_timeout", Long.toString(timeout.toMillis()));
        set("channel_tick_interval", Long.toString(TICK.toMillis()));
        log.info("RabbitMQ's consumer timeout lowered to {} (was {})", timeout, timeoutBefore.get());
        return Optional.of(new RabbitConsumerTimeout(timeoutBefore.get(), tickBefore.get()));
    }

    @Override
    public void close() {
        restore("consumer_timeout", timeoutBefore);
        restore("channel_tick_interval", tickBefore);
    }

    private static void restore(String key, String before) {
        // get_env answers {ok,Value} or undefined
        if (before.startsWith("{ok,")) {
            set(key, before.substring(4, before.length() - 1));
        } else {
            eval("application:unset_env(rabbit, " + key + ").");
        }
    }

    private static void set(String key, String value) {
        eval("application:set_env(rabbit, " + key + ", " + value + ").")
                .orElseThrow(() -> new IllegalStateException("rabbitmqctl could not set " + key));
    }

    private static Optional<String> eval(String expression) {
        try {
            var process = new ProcessBuilder("rabbitmqctl", "eval", expression)
                    .redirectErrorStream(true)
                    .start();
            var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                log.debug("rabbitmqctl eval {} failed: {}", expression, output);
                return Optional.empty();
            }
            var lines = output.lines().toList();
            return Optional.of(lines.get(lines.size() - 1).strip());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
