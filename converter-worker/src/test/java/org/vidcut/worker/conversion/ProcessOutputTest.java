package org.vidcut.worker.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessOutputTest {

    private static final String INPUT = "http://minio:9000/vidcut/originals/u/v?X-Amz-Signature=deadbeef";

    @Test
    void theLastNonBlankLineIsTheError() {
        var output = new ProcessOutput();
        output.append("first problem\n").append("the real problem\r\n\n");

        assertThat(output.lastError(null, null)).isEqualTo("the real problem");
    }

    @Test
    void masksThePresignedUrlAndTheLocalPath() {
        var output = new ProcessOutput();
        output.append(INPUT + ": Invalid data found when processing input\n");
        output.append("/tmp/vidcut-worker/t-1.mp4: could not write\n");

        assertThat(output.lastError(INPUT, "/tmp/vidcut-worker/t-1.mp4")).isEqualTo("output: could not write");
        assertThat(ProcessOutput.mask(INPUT + ": Invalid data", INPUT, null)).isEqualTo("source: Invalid data");
    }

    @Test
    void masksAnyOtherUrl() {
        assertThat(ProcessOutput.mask("redirected to https://other/x?sig=1 failed", null, null))
                .isEqualTo("redirected to <url> failed")
                .doesNotContain("sig=");
    }

    @Test
    void keepsOnlyTheLastLines() {
        var output = new ProcessOutput();
        for (int i = 0; i < 100; i++) {
            output.append("line " + i + "\n");
        }

        assertThat(output.lines()).hasSize(40).endsWith("line 99");
    }

    @Test
    void saysSoWhenFfmpegPrintedNothing() {
        assertThat(new ProcessOutput().lastError(INPUT, null)).isEqualTo("ffmpeg failed without a message");
    }
}
