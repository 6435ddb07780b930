package org.vidcut.worker.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import net.bramp.ffmpeg.builder.FFmpegBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

class FfmpegRunnerTest {

    @TempDir
    Path dir;

    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stopWatchdog() {
        watchdog.shutdownNow();
    }

    @Test
    void checksTheFfmpegVersionOnceNotOnEveryRun() throws IOException {
        var calls = dir.resolve("calls.log");
        var ffmpeg = recordingFfmpeg(calls);
        var runner = new FfmpegRunner(ffmpeg.toString(), dir, watchdog, MemoryCeiling.of(DataSize.ofGigabytes(2)));

        for (int i = 0; i < 3; i++) {
            var output = dir.resolve("out-" + i + ".mp4");
            runner.run(tinyClip(output), Duration.ofSeconds(60), progress -> {}, "lavfi", output, "t#1");
            assertThat(output).isNotEmptyFile();
        }

        var lines = Files.readAllLines(calls);
        assertThat(lines).filteredOn(line -> line.contains("-version")).hasSize(1);
        assertThat(lines).filteredOn(line -> line.contains("testsrc2")).hasSize(3);
    }

    private static FFmpegBuilder tinyClip(Path output) {
        return new FFmpegBuilder()
                .overrideOutputFiles(true)
                .addExtraArgs("-nostdin", "-hide_banner", "-f", "lavfi")
                .setInput("testsrc2=size=64x64:rate=10:duration=0.5")
                .done()
                .addOutput(output.toString())
                .addExtraArgs("-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p")
                .done();
    }

    /** ffmpeg behind a script that logs every invocation, so the test can count the processes. */
    private Path recordingFfmpeg(Path calls) throws IOException {
        var script = dir.resolve("ffmpeg");
        Files.writeString(script, "#!/bin/sh\necho \"$*\" >> '" + calls + "'\nexec ffmpeg \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }
}
