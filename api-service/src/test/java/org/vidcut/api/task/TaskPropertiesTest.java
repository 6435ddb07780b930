package org.vidcut.api.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class TaskPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(TaskProperties.class)
    static class Enabled {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Enabled.class)
            .withPropertyValues(
                    "vidcut.tasks.max-attempts=3",
                    "vidcut.tasks.retry-backoff=5s",
                    "vidcut.tasks.heartbeat-timeout=2m",
                    "vidcut.tasks.republish-after=30s",
                    "vidcut.tasks.sweep-interval=5s",
                    "vidcut.tasks.publish-confirm-timeout=5s",
                    "vidcut.tasks.requeue-scheduled-on-startup=true",
                    "vidcut.tasks.sweep-batch-size=100");

    @Test
    void bindsDurationsAndFlags() {
        runner.run(context -> {
            var properties = context.getBean(TaskProperties.class);
            assertThat(properties.heartbeatTimeout()).isEqualTo(Duration.ofMinutes(2));
            assertThat(properties.publishConfirmTimeout()).isEqualTo(Duration.ofSeconds(5));
            assertThat(properties.requeueScheduledOnStartup()).isTrue();
        });
    }

    @Test
    void rejectsZeroAttempts() {
        runner.withPropertyValues("vidcut.tasks.max-attempts=0")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void rejectsANonPositiveDuration() {
        runner.withPropertyValues("vidcut.tasks.retry-backoff=0s")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("retryBackoff"));
    }

    @Test
    void rejectsAMissingDuration() {
        runner.withPropertyValues("vidcut.tasks.republish-after=")
                .run(context -> assertThat(context).hasFailed());
    }
}
