package org.vidcut.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The worker does not start with guessable credentials (GitHub issue 10). */
class StartupSecretsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(StartupSecrets.class)
            .withPropertyValues(
                    "vidcut.storage.access-key=vidcut-app",
                    "vidcut.storage.secret-key=Xq3v9LrT0pWk2ZsN",
                    "spring.rabbitmq.host=rabbitmq",
                    "spring.rabbitmq.username=vidcut",
                    "spring.rabbitmq.password=Hn4c8QeY1mVb7TzR");

    @Test
    void startsWithRealCredentials() {
        runner.run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void refusesThePlaceholdersOfTheExampleFiles() {
        runner.withPropertyValues("vidcut.storage.secret-key=change-me-storage-secret-key")
                .run(context -> assertThat(context)
                        .getFailure()
                        .hasStackTraceContaining("vidcut.storage.secret-key")
                        .hasStackTraceContaining("placeholder"));
        runner.withPropertyValues("spring.rabbitmq.password=change-me-rabbitmq-password")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("spring.rabbitmq.password"));
    }

    @Test
    void refusesMinioDefaultRootPassword() {
        runner.withPropertyValues("vidcut.storage.access-key=minioadmin", "vidcut.storage.secret-key=minioadmin")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("minioadmin"));
    }

    @Test
    void refusesTheGuestAccountOnARemoteBrokerOrWhenNoAccountIsSet() {
        runner.withPropertyValues("spring.rabbitmq.username=guest", "spring.rabbitmq.password=guest")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("guest"));
        new ApplicationContextRunner()
                .withBean(StartupSecrets.class)
                .withPropertyValues(
                        "vidcut.storage.access-key=vidcut-app",
                        "vidcut.storage.secret-key=Xq3v9LrT0pWk2ZsN",
                        "spring.rabbitmq.host=rabbitmq")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("guest"));
    }

    @Test
    void allowsTheGuestAccountOnALoopbackBroker() {
        runner.withPropertyValues(
                        "spring.rabbitmq.host=127.0.0.1",
                        "spring.rabbitmq.username=guest",
                        "spring.rabbitmq.password=guest")
                .run(context -> assertThat(context).hasNotFailed());
    }
}
