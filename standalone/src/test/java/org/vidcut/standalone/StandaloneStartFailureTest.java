package org.vidcut.standalone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.vidcut.standalone.standin.EmbeddedMongo;

/**
 * When a service context cannot start, the launcher must stop the stand-ins it started, or the next attempt would
 * find the database file locked and the JVM would not exit.
 */
class StandaloneStartFailureTest {

    @TempDir
    Path dataDir;

    @Test
    void releasesTheStandInsWhenTheApiContextFailsToStart() {
        // a missing mandatory config import fails the api context before any service code runs
        StandaloneSettings settings = new StandaloneSettings(
                0, dataDir, List.of("--spring.config.import=file:" + dataDir.resolve("missing.properties")));

        assertThatThrownBy(() -> Standalone.start(settings)).hasMessageContaining("missing.properties");

        try (EmbeddedMongo reopened =
                EmbeddedMongo.startPersistent(dataDir.resolve("mongo").resolve("vidcut.mv"), 0)) {
            assertThat(reopened.port()).isPositive();
        }
    }
}
