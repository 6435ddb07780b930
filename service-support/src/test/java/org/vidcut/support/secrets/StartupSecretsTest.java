package org.vidcut.support.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Neither service starts with the example files' placeholders or other guessable credentials (issue 10). */
class StartupSecretsTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withBean(StartupSecrets.class)
            .withPropertyValues(
                    "spring.mongodb.uri=mongodb://vidcut:Vq8mT2xLr5Pz@mongo:27017/vidcut?authSource=admin",
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
    void refusesEveryPlaceholderOfTheExampleFilesNamingTheSettingButNotTheValue() {
        for (var placeholder : new String[] {
            "spring.mongodb.uri=mongodb://vidcut:change-me-mongo-password@mongodb:27017/vidcut?authSource=admin",
            "spring.rabbitmq.password=change-me-rabbitmq-password",
            "vidcut.storage.secret-key=change-me-storage-secret-key",
            "vidcut.auth.jwt-secret=change-me-jwt-secret-change-me-jwt-secret"
        }) {
            var setting = placeholder.substring(0, placeholder.indexOf('='));
            runner.withPropertyValues(placeholder)
                    .run(context -> assertThat(context)
                            .getFailure()
                            .hasStackTraceContaining(setting)
                            .hasStackTraceContaining("placeholder")
                            .satisfies(failure -> assertThat(failure.toString()).doesNotContain("change-me-")));
        }
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
