package org.vidcut.worker.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class MemoryCeilingTest {

    @Test
    void runsFfmpegUnderPrlimitWithTheCeilingAsItsDataLimitAndMaxAlloc() {
        var ceiling = new MemoryCeiling(DataSize.ofMegabytes(512).toBytes(), "/usr/bin/prlimit");

        assertThat(ceiling.wrap(List.of("ffmpeg", "-i", "in.mp4", "out.mp4")))
                .containsExactly(
                        "/usr/bin/prlimit",
                        "--data=536870912",
                        "--",
                        "ffmpeg",
                        "-max_alloc",
                        "536870912",
                        "-i",
                        "in.mp4",
                        "out.mp4");
    }

    @Test
    void withoutPrlimitOnlyMaxAllocApplies() {
        var ceiling = new MemoryCeiling(DataSize.ofMegabytes(512).toBytes(), null);

        assertThat(ceiling.wrap(List.of("ffmpeg", "-version")))
                .containsExactly("ffmpeg", "-max_alloc", "536870912", "-version");
    }

    @Test
    void maxAllocStaysWithinWhatFfmpegCanCountInAnInt() {
        var ceiling = new MemoryCeiling(DataSize.ofGigabytes(4).toBytes(), null);

        assertThat(ceiling.wrap(List.of("ffmpeg"))).containsExactly("ffmpeg", "-max_alloc", "2147483647");
    }

    @Test
    void findsPrlimitOnThePathOfThisMachine() {
        assertThat(MemoryCeiling.of(DataSize.ofGigabytes(2)).prlimit()).endsWith("/prlimit");
    }

    @Test
    void recognisesTheWaysFfmpegSaysAnAllocationFailed() {
        assertThat(MemoryCeiling.exhaustion(List.of(
                        "[h264 @ 0x1] decode_slice_header error", "x264 [error]: malloc of size 44329344 failed")))
                .contains("x264 [error]: malloc of size 44329344 failed");
        assertThat(MemoryCeiling.exhaustion(
                        List.of("Failed to inject frame into filter network: Cannot allocate memory")))
                .isPresent();
        assertThat(MemoryCeiling.exhaustion(
                        List.of("ffmpeg: error while loading shared libraries: libm.so.6: failed to map segment")))
                .isPresent();
        assertThat(MemoryCeiling.exhaustion(List.of(
                        "source: Invalid data found when processing input", "[h264 @ 0x1] get_buffer() failed")))
                .isEmpty();
    }

    @Test
    void describesItselfInWholeGigabytesOrMegabytes() {
        assertThat(new MemoryCeiling(DataSize.ofGigabytes(2).toBytes(), null).describe())
                .isEqualTo("2 GB");
        assertThat(new MemoryCeiling(DataSize.ofMegabytes(200).toBytes(), null).describe())
                .isEqualTo("200 MB");
    }
}
