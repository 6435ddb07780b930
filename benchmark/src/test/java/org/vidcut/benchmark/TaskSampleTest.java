package org.vidcut.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskSampleTest {

    private static final String SOURCE = "http://127.0.0.1:9000/vidcut/originals/u/v?X-Amz-Signature=abc";

    private static FfmpegSpy.Run ffmpeg(double start, double end, double cpuTicks, String input) {
        return new FfmpegSpy.Run(
                "ffmpeg", start, end, 0, Map.of("child_cpu_ticks", (long) cpuTicks), List.of("-i", input, "out.mp4"));
    }

    private static TaskSample sample(double wallSeconds, String taskJson, FfmpegSpy.Run... runs) {
        var run = new TaskRunner.TaskRun("t1", (long) (wallSeconds * 1e9), 1000_000, 0, 3, ApiClient.json(taskJson));
        return new TaskSample(run, List.of(runs), new ThreadCpu.Split(0.04, 0.01, 0.0, 0.02, 0.1), 0.2);
    }

    @Test
    void timeNotInFfmpegIsTheTaskWallLessTheFfmpegWall() {
        var sample = sample(
                0.60,
                "{}",
                new FfmpegSpy.Run("ffprobe", 1000.0, 1000.05, 0, Map.of(), List.of("-i", "x")),
                ffmpeg(1000.10, 1000.27, 9, SOURCE));

        assertThat(sample.ffmpegWall()).isCloseTo(0.17, within(1e-6));
        assertThat(sample.notInFfmpeg()).isCloseTo(0.43, within(1e-6));
    }

    @Test
    void countsOverlappingFfmpegRunsOnceAndLeavesVersionChecksOut() {
        var sample = sample(
                5.0,
                "{}",
                new FfmpegSpy.Run("ffmpeg", 1000.0, 1000.5, 0, Map.of(), List.of("-version")),
                ffmpeg(1001.0, 1002.0, 100, SOURCE),
                ffmpeg(1001.5, 1003.0, 150, SOURCE),
                ffmpeg(1003.5, 1004.0, 20, "/work/concat.txt"));

        assertThat(sample.ffmpegWall()).isCloseTo(2.5, within(1e-6));
        assertThat(sample.sourceReads()).hasSize(2);
        assertThat(sample.ffmpegCpu()).isCloseTo(270.0 / FfmpegSpy.CLOCK_TICKS, within(1e-6));
        assertThat(sample.lastSourceRead().startEpochSeconds()).isEqualTo(1001.5);
    }

    @Test
    void readsTheMethodOfTheResult() {
        assertThat(sample(1, "{\"result\":{\"method\":\"smart\"}}", ffmpeg(0, 1, 1, SOURCE))
                        .method())
                .isEqualTo("smart");
        assertThat(sample(1, "{\"state\":\"done\"}", ffmpeg(0, 1, 1, SOURCE)).method())
                .isEmpty();
    }
}
