package org.vidcut.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The launcher's command line. */
class StandaloneSettingsTest {

    @Test
    void defaultsToPort8080AndAbsoluteDataDirUnderTheWorkingDirectory() {
        StandaloneSettings settings = StandaloneSettings.fromArguments();

        assertThat(settings.serverPort()).isEqualTo(8080);
        assertThat(settings.dataDir()).isAbsolute().isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(settings.apiArguments()).isEmpty();
    }

    @Test
    void readsPortAndDataDirAndPassesOtherArgumentsToTheApi() {
        StandaloneSettings settings = StandaloneSettings.fromArguments(
                "--server.port=0", "--vidcut.upload.max-size=10MB", "--standalone.data-dir=some/dir", "--debug");

        assertThat(settings.serverPort()).isZero();
        assertThat(settings.dataDir()).isEqualTo(Path.of("some/dir").toAbsolutePath());
        assertThat(settings.apiArguments()).containsExactly("--vidcut.upload.max-size=10MB", "--debug");
    }

    @Test
    void readsAnExternalBrokerFromAnAmqpUri() {
        StandaloneSettings settings =
                StandaloneSettings.fromArguments("--standalone.amqp-uri=amqp://guest:secret@127.0.0.1:5673");

        assertThat(settings.externalAmqp())
                .isEqualTo(new StandaloneSettings.AmqpEndpoint("127.0.0.1", 5673, "guest", "secret"));
        assertThat(settings.externalAmqp().toString()).doesNotContain("secret");
        assertThat(settings.apiArguments()).isEmpty();
    }

    @Test
    void readsTheVirtualHostOfAnAmqpUri() {
        assertThat(StandaloneSettings.fromArguments("--standalone.amqp-uri=amqp://u:p@mq:5672/vidcut-prod")
                        .externalAmqp()
                        .virtualHost())
                .isEqualTo("vidcut-prod");
        assertThat(StandaloneSettings.fromArguments("--standalone.amqp-uri=amqp://u:p@mq/%2Fteam%2Fa")
                        .externalAmqp()
                        .virtualHost())
                .isEqualTo("/team/a");
        assertThat(StandaloneSettings.fromArguments("--standalone.amqp-uri=amqp://u:p@mq")
                        .externalAmqp()
                        .virtualHost())
                .isEqualTo("/");
    }

    @Test
    void usesTheInProcessBrokerUnlessToldOtherwise() {
        assertThat(StandaloneSettings.fromArguments().externalAmqp()).isNull();
    }

    @Test
    void rejectsAnAmqpUriWithoutCredentials() {
        assertThatThrownBy(() -> StandaloneSettings.fromArguments("--standalone.amqp-uri=amqp://127.0.0.1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("amqp://user:password@host:port");
    }

    @Test
    void rejectsPortThatIsNotANumber() {
        assertThatThrownBy(() -> StandaloneSettings.fromArguments("--server.port=http"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--server.port");
    }

    @Test
    void rejectsPortOutOfRange() {
        assertThatThrownBy(() -> StandaloneSettings.fromArguments("--server.port=70000"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 0 and 65535");
    }

    @Test
    void rejectsEmptyDataDir() {
        assertThatThrownBy(() -> StandaloneSettings.fromArguments("--standalone.data-dir="))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--standalone.data-dir");
    }
}
