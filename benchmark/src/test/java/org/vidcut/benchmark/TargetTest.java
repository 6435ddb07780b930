package org.vidcut.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void passesAFigureAtOrBelowTheLimit() {
        var target = Target.atMost(0.15, "s");

        assertThat(target.judge(0.15).result()).isEqualTo(Report.Result.PASS);
        assertThat(target.judge(0.02).text()).isEqualTo("PASS");
    }

    @Test
    void missesAFigureAboveTheLimitAndSaysByHowMuch() {
        assertThat(Target.atMost(0.15, "s").judge(0.31).text()).isEqualTo("MISS (over by 0.16 s)");
        assertThat(Target.atMost(0.25, "ms").judge(0.68).text()).isEqualTo("MISS (over by 0.43 ms)");
        assertThat(Target.atMost(0.05, "s").judge(0.0512).text()).isEqualTo("MISS (over by 0.0012 s)");
    }

    @Test
    void writesTheLimitWithoutTrailingZeros() {
        assertThat(Target.atMost(0.1, "ms").text()).isEqualTo("≤ 0.1 ms");
        assertThat(Target.atMost(64, "MB").text()).isEqualTo("≤ 64 MB");
    }

    @Test
    void aLimitComputedInTheRunKeepsItsDefinitionAsText() {
        var target = Target.atMost(0.41, "s", "≤ raw + 0.30 s");

        assertThat(target.text()).isEqualTo("≤ raw + 0.30 s");
        assertThat(target.judge(0.59).text()).isEqualTo("MISS (over by 0.18 s)");
    }

    @Test
    void aMissingFigureIsNotMeasuredRatherThanPassed() {
        assertThat(Target.atMost(0.15, "s").judge(Double.NaN).result()).isEqualTo(Report.Result.NOT_MEASURED);
    }
}
