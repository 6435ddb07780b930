package org.vidcut.api.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.util.unit.DataSize;

class LimitPropertiesTest {

    @Test
    void defaultsAreTheDocumentedOnes() throws IOException {
        var defaults = PropertiesLoaderUtils.loadAllProperties("api-service-defaults.properties");
        var limits = new Binder(new MapConfigurationPropertySource(defaults))
                .bindOrCreate("vidcut.limits", LimitProperties.class);

        assertThat(limits.signupsPerMinute()).isEqualTo(20);
        assertThat(limits.failedLoginsPerMinute()).isEqualTo(10);
        assertThat(limits.failedLoginsPerAddressPerMinute()).isEqualTo(30);
        assertThat(limits.tasksPerMinute()).isEqualTo(120);
        assertThat(limits.activeTasks()).isEqualTo(100);
        assertThat(limits.storage()).isEqualTo(DataSize.ofGigabytes(50));
    }

    @Test
    void bindsTheDocumentedNames() {
        var limits = new Binder(new MapConfigurationPropertySource(Map.of(
                        "vidcut.limits.signups-per-minute", "1",
                        "vidcut.limits.failed-logins-per-minute", "2",
                        "vidcut.limits.failed-logins-per-address-per-minute", "3",
                        "vidcut.limits.tasks-per-minute", "4",
                        "vidcut.limits.active-tasks", "5",
                        "vidcut.limits.storage", "6MB")))
                .bindOrCreate("vidcut.limits", LimitProperties.class);

        assertThat(limits).isEqualTo(new LimitProperties(1, 2, 3, 4, 5, DataSize.ofMegabytes(6)));
    }
}
