package org.vidcut.api.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class SchedulingPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(SchedulingProperties.class)
    static class Enabled {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Enabled.class)
            .withPropertyValues(
                    "vidcut.scheduling.jobs-per-consumer=1",
                    "vidcut.scheduling.min-jobs-in-broker=1",
                    "vidcut.scheduling.dispatch-interval=1s");

    @Test
    void bindsTheSettings() {
        runner.withPropertyValues("vidcut.scheduling.jobs-per-consumer=2").run(context -> {
            var properties = context.getBean(SchedulingProperties.class);
            assertThat(properties.jobsPerConsumer()).isEqualTo(2);
            assertThat(properties.dispatchInterval()).isEqualTo(Duration.ofSeconds(1));
        });
    }

    @Test
    void refusesAnEmptyWindow() {
        runner.withPropertyValues("vidcut.scheduling.min-jobs-in-broker=0")
                .run(context -> assertThat(context).hasFailed());
        runner.withPropertyValues("vidcut.scheduling.jobs-per-consumer=0")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void refusesANonPositiveInterval() {
        runner.withPropertyValues("vidcut.scheduling.dispatch-interval=0s")
                .run(context -> assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("vidcut.scheduling.dispatch-interval must be positive"));
    }

    @Test
    void theWindowIsJobsPerConsumerTimesConsumersButNeverBelowTheFloor() {
        var properties = new SchedulingProperties(2, 3, Duration.ofSeconds(1));

        assertThat(new JobWindow(properties, () -> OptionalInt.of(4)).size()).isEqualTo(8);
        assertThat(new JobWindow(properties, () -> OptionalInt.of(1)).size()).isEqualTo(3);
        assertThat(new JobWindow(properties, () -> OptionalInt.of(0)).size()).isEqualTo(3);
        assertThat(new JobWindow(properties, OptionalInt::empty).size()).isEqualTo(3);
    }
}
