package org.vidcut.support.secrets;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.env.Environment;

/**
 * Refuses to start with credentials anyone can guess (the api's token service also judges the JWT key's
 * strength): the {@code change-me} placeholders of {@code .env.example} and the Kubernetes example secrets,
 * MinIO's {@code minioadmin}, and RabbitMQ's {@code guest} account on a broker that is not on this machine
 * (RabbitMQ itself only lets {@code guest} in over loopback). A setting a service does not have is not checked.
 */
public class StartupSecrets {

    static final String EXAMPLE_MARKER = "change-me";
    static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "::1", "[::1]");
    static final List<String> SECRET_SETTINGS = List.of(
            "vidcut.auth.jwt-secret",
            "vidcut.storage.access-key",
            "vidcut.storage.secret-key",
            "spring.rabbitmq.password",
            "spring.rabbitmq.addresses",
            "spring.mongodb.uri");

    StartupSecrets(Environment environment) {
        for (var setting : SECRET_SETTINGS) {
            var value = environment.getProperty(setting, "");
            if (value.toLowerCase(Locale.ROOT).contains(EXAMPLE_MARKER)) {
                throw new IllegalStateException(
                        setting + " still holds the placeholder of the example configuration: set a real secret");
            }
        }
        if ("minioadmin".equals(environment.getProperty("vidcut.storage.secret-key"))) {
            throw new IllegalStateException("vidcut.storage.secret-key is MinIO's default root password minioadmin:"
                    + " give the " + environment.getProperty("spring.application.name", "service")
                    + " the store's application account instead");
        }
        var username = environment.getProperty("spring.rabbitmq.username", "guest");
        var password = environment.getProperty("spring.rabbitmq.password", "guest");
        var host = environment.getProperty("spring.rabbitmq.host", "localhost");
        if (environment.getProperty("spring.rabbitmq.addresses") == null
                && "guest".equals(username)
                && "guest".equals(password)
                && !LOOPBACK.contains(host.toLowerCase(Locale.ROOT))) {
            throw new IllegalStateException("RabbitMQ's guest account is refused for the broker at " + host
                    + ": set spring.rabbitmq.username and spring.rabbitmq.password");
        }
    }
}
