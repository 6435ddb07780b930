package org.vidcut.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SettingsTest {

    @Test
    void runsEveryMeasurementByDefault() {
        var settings = Settings.parse();

        assertThat(Benchmark.MEASUREMENTS)
                .allSatisfy(m -> assertThat(settings.selected(m)).isTrue());
    }

    @Test
    void runsTheKeyframeTrimEvenWhenOtherRowsAreChosen() {
        var settings = Settings.parse("--rows=status", "--keyframe-runs=1");

        assertThat(settings.selected(new KeyframeTrim())).isTrue();
        assertThat(settings.selected(new StatusRequests())).isTrue();
        assertThat(settings.selected(new ConditionalStatusRequests())).isFalse();
        assertThat(settings.selected(Reencode.webm())).isFalse();
        assertThat(settings.keyframeRuns()).isEqualTo(1);
    }

    @Test
    void passesEnvOptionsToTheStandaloneJar() {
        assertThat(Settings.parse("--env.VIDCUT_STORAGE_PARTSIZE=64MB").environment())
                .containsEntry("VIDCUT_STORAGE_PARTSIZE", "64MB");
    }

    @Test
    void refusesAnArgumentWithoutAValue() {
        assertThatThrownBy(() -> Settings.parse("--rows")).isInstanceOf(IllegalArgumentException.class);
    }
}
