package org.vidcut.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReportTest {

    private static Report aReport() {
        var report = new Report();
        report.row(
                "keyframe trim: time not spent in ffmpeg",
                "0.42 s",
                "ffmpeg wall 0.17 s",
                Target.atMost(0.15, "s"),
                0.42);
        report.row(
                "keyframe trim: CPU of the service per task",
                "0.031 s",
                "raw ffmpeg CPU 0.090 s",
                Target.atMost(0.05, "s"),
                0.031);
        report.row("exact trim: CPU of the service per task", "0.400 s", "-", "-", Report.Outcome.noTarget());
        report.notMeasured("status with If-None-Match", "≤ 0.1 ms", "If-None-Match answered 200, not 304");
        report.detail("%d runs", 5);
        return report;
    }

    @Test
    void printsEachTargetNextToItsFigureWithPassOrMiss() {
        var lines = aReport().text().lines().toList();

        assertThat(lines.get(0)).startsWith("measurement").contains("| target").endsWith("| result");
        assertThat(lines.get(2))
                .matches(".*\\| 0\\.42 s +\\| ffmpeg wall 0\\.17 s +\\| ≤ 0\\.15 s \\| MISS \\(over by 0\\.27 s\\)");
        assertThat(lines.get(3)).endsWith("| PASS");
        assertThat(lines.get(4)).endsWith("| -");
        assertThat(lines.get(5)).endsWith("n/a (If-None-Match answered 200, not 304)");
        assertThat(lines).contains("5 runs");
    }

    @Test
    void alignsTheColumnsOfTheTextTable() {
        var lines = aReport().text().lines().limit(6).toList();

        var firstBar = lines.get(0).indexOf(" | ");
        assertThat(lines)
                .allSatisfy(line -> assertThat(line.indexOf(line.startsWith("-") ? "-+-" : " | "))
                        .isEqualTo(firstBar));
    }

    @Test
    void writesMarkdownRowsAndDetailsAsAList() {
        var markdown = aReport().markdown();

        assertThat(markdown)
                .contains("| measurement | vidcut | baseline (same run) | target | result |\n|---|---|---|---|---|\n")
                .contains("| keyframe trim: time not spent in ffmpeg | 0.42 s | ffmpeg wall 0.17 s | ≤ 0.15 s |"
                        + " MISS (over by 0.27 s) |")
                .contains("- 5 runs\n");
    }

    @Test
    void countsOnlyMissesAsMisses() {
        assertThat(aReport().misses()).isEqualTo(1);
    }
}
