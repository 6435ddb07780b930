package org.vidcut.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FfmpegSpyTest {

    @TempDir
    Path dir;

    @Test
    void wrapperRunsTheRealToolAndLogsItsArgumentsExitCodeAndCpuTime() {
        var spy = FfmpegSpy.install(dir);
        var outcome =
                Processes.run(List.of(spy.ffmpeg().toString(), "-hide_banner", "-version"), Duration.ofSeconds(30));

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.output()).contains("ffmpeg version");
        var runs = spy.runs();
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).tool()).isEqualTo("ffmpeg");
        assertThat(runs.get(0).args()).containsExactly("-hide_banner", "-version");
        assertThat(runs.get(0).exitCode()).isZero();
        assertThat(runs.get(0).cpuSeconds()).isGreaterThanOrEqualTo(0);
        assertThat(runs.get(0).endEpochSeconds())
                .isGreaterThanOrEqualTo(runs.get(0).startEpochSeconds());
    }

    @Test
    void wrapperKeepsTheToolsExitCode() {
        var spy = FfmpegSpy.install(dir);
        var outcome = Processes.run(
                List.of(spy.ffprobe().toString(), "-v", "error", "/no/such/file.mp4"), Duration.ofSeconds(30));

        assertThat(outcome.exitCode()).isNotZero();
        assertThat(spy.runs().get(0).exitCode()).isEqualTo(outcome.exitCode());
        assertThat(spy.runsSince(1)).isEmpty();
    }

    @Test
    void localEquivalentSwapsInputAndOutputAndDropsTheProgressSocket() {
        var worker = new FfmpegSpy.Run(
                "ffmpeg",
                0,
                1,
                0,
                Map.of(),
                List.of(
                        "-y",
                        "-v",
                        "error",
                        "-progress",
                        "tcp://127.0.0.1:4000",
                        "-ss",
                        "60.000",
                        "-i",
                        "http://127.0.0.1:9000/vidcut/originals/u/v?X-Amz-Signature=abc",
                        "-t",
                        "30.000",
                        "-c",
                        "copy",
                        "-f",
                        "mp4",
                        "/work/job.mp4"));

        var command =
                FfmpegSpy.localEquivalent(worker, Path.of("ffmpeg"), Path.of("/media/in.mp4"), Path.of("/tmp/out.mp4"));

        assertThat(command)
                .containsExactly(
                        "ffmpeg",
                        "-y",
                        "-v",
                        "error",
                        "-ss",
                        "60.000",
                        "-i",
                        "/media/in.mp4",
                        "-t",
                        "30.000",
                        "-c",
                        "copy",
                        "-f",
                        "mp4",
                        "/tmp/out.mp4");
    }

    @Test
    void localEquivalentAllowsTheFileProtocolWhereTheWorkerAllowedOnlyNetworkOnes() {
        var worker = new FfmpegSpy.Run(
                "ffmpeg",
                0,
                1,
                0,
                Map.of(),
                List.of("-protocol_whitelist", "http,https,tcp,tls", "-i", "http://127.0.0.1:9000/o?s=1", "/w/o.mp4"));

        var local =
                FfmpegSpy.localEquivalent(worker, Path.of("ffmpeg"), Path.of("/media/in.mp4"), Path.of("/tmp/out.mp4"));

        assertThat(local)
                .containsExactly(
                        "ffmpeg",
                        "-protocol_whitelist",
                        "http,https,tcp,tls,file",
                        "-i",
                        "/media/in.mp4",
                        "/tmp/out.mp4");
    }

    @Test
    void readStatisticsAreTheInputsNotTheFaststartReadBack() {
        var output = """
                [AVIOContext @ 0x1] Statistics: 21038992 bytes written, 2 seeks, 84 writeouts
                [AVIOContext @ 0x2] Statistics: 21038992 bytes read, 0 seeks
                [AVIOContext @ 0x3] Statistics: 21528801 bytes read, 3 seeks
                """;

        assertThat(FfmpegSpy.inputBytesRead(output)).isEqualTo(21_528_801L);
    }

    @Test
    void refusesOutputWithoutReadStatistics() {
        assertThatThrownBy(() -> FfmpegSpy.inputBytesRead("nothing verbose here"))
                .isInstanceOf(IllegalStateException.class);
    }
}
