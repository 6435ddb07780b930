package org.vidcut.standalone.e2e;

import java.nio.file.Path;
import org.vidcut.standalone.Standalone;
import org.vidcut.standalone.StandaloneSettings;
import org.vidcut.standalone.standin.TestBroker;

/** Starts the standalone system for end-to-end tests, on the real RabbitMQ when it answers. */
final class E2eSystem {

    private E2eSystem() {}

    static Standalone start(Path dataDir) {
        return Standalone.start(settings(dataDir));
    }

    /** The settings {@link #start} uses, for a test that adds api arguments. */
    static StandaloneSettings settings(Path dataDir) {
        var settings = new StandaloneSettings(0, dataDir);
        if (TestBroker.rabbitMqReachable()) {
            settings = settings.withExternalAmqp(TestBroker.endpoint().amqp());
        }
        return settings;
    }
}
