package org.vidcut.standalone;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point of {@code standalone.jar}: {@code java -jar standalone.jar [--server.port=8080]
 * [--standalone.data-dir=DIR] [other api properties]}.
 */
public final class StandaloneApplication {

    private static final Logger log = LoggerFactory.getLogger(StandaloneApplication.class);

    private StandaloneApplication() {}

    public static void main(String[] args) {
        Standalone standalone;
        try {
            standalone = Standalone.start(StandaloneSettings.fromArguments(args));
        } catch (RuntimeException e) {
            log.error("vidcut standalone did not start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        // Tomcat's and the stand-ins' threads keep the JVM up; Ctrl-C runs this hook
        Runtime.getRuntime().addShutdownHook(new Thread(standalone::close, "standalone-shutdown"));
    }
}
