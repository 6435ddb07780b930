package org.vidcut.api.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.util.unit.DataSize;

class DirectUploadPropertiesTest {

    private static DirectUploadProperties bind(String partSize, String expiry, String cleanupInterval) {
        return new Binder(new MapConfigurationPropertySource(Map.of(
                        "vidcut.upload.part-size", partSize,
                        "vidcut.upload.expiry", expiry,
                        "vidcut.upload.cleanup-interval", cleanupInterval)))
                .bindOrCreate("vidcut.upload", DirectUploadProperties.class);
    }

    @Test
    void bindsTheDocumentedNames() {
        assertThat(bind("16MB", "7d", "1m"))
                .isEqualTo(new DirectUploadProperties(
                        DataSize.ofMegabytes(16), Duration.ofDays(7), Duration.ofMinutes(1)));
    }

    @Test
    void refusesPartsBelowTheS3MinimumOrAboveWhatS3proxyHoldsInMemory() {
        assertThatThrownBy(() -> bind("4MB", "24h", "1m"))
                .isInstanceOf(BindException.class)
                .rootCause()
                .hasMessageContaining("vidcut.upload.part-size");
        assertThatThrownBy(() -> bind("17MB", "24h", "1m")).rootCause().hasMessageContaining("vidcut.upload.part-size");
    }

    @Test
    void refusesAnExpiryThatIsNotPositiveOrOutlivesPresignedLinks() {
        assertThatThrownBy(() -> bind("8MB", "0s", "1m")).rootCause().hasMessageContaining("vidcut.upload.expiry");
        assertThatThrownBy(() -> bind("8MB", "8d", "1m")).rootCause().hasMessageContaining("vidcut.upload.expiry");
    }

    @Test
    void refusesACleanupIntervalThatIsNotPositive() {
        assertThatThrownBy(() -> bind("8MB", "24h", "0s"))
                .rootCause()
                .hasMessageContaining("vidcut.upload.cleanup-interval");
    }
}
