package org.vidcut.worker.conversion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;
import org.vidcut.contracts.Accuracy;
import org.vidcut.contracts.ConversionJob;
import org.vidcut.contracts.Operations;
import org.vidcut.contracts.OutputFormat;
import org.vidcut.worker.WorkerProperties;
import org.vidcut.worker.storage.ObjectStore;
import org.vidcut.worker.storage.SourceObjectMissing;

/** The presigned source link ffmpeg gets lives as long as the run may, not the 7 days S3 would allow. */
class SourceLinkLifetimeTest {

    @TempDir
    Path workDir;

    /** Records how long a link was asked to live, then answers that the source is gone (no ffmpeg runs). */
    static final class RecordingStore implements ObjectStore {
        final List<Duration> lifetimes = new ArrayList<>();

        @Override
        public String readableLocation(String objectKey, Duration validFor) {
            lifetimes.add(validFor);
            throw new SourceObjectMissing(objectKey);
        }

        @Override
        public void store(String objectKey, Path file, String contentType) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void boundsTheSourceLinkOfAVeryLongJobByTheMaximumRunTime() {
        var properties = new WorkerProperties(
                "link-test",
                1,
                "ffmpeg",
                "ffprobe",
                workDir,
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                Duration.ofSeconds(10),
                DataSize.ofGigabytes(1),
                Duration.ofSeconds(5),
                Duration.ofSeconds(5),
                Duration.ofHours(2),
                DataSize.ofGigabytes(2),
                1,
                true);
        var store = new RecordingStore();
        var twelveHours = 12 * 3600.0;
        var job = new ConversionJob(
                "t1",
                1,
                "originals/u1/v1",
                "results/u1/t1/1.mp4",
                twelveHours,
                new Operations(0, twelveHours, null, null, OutputFormat.MP4, Accuracy.EXACT, true),
                Instant.now());

        try (var service = new ConversionService(properties, store)) {
            assertThatThrownBy(() -> service.convert(job, percent -> {})).isInstanceOf(SourceObjectMissing.class);
        }

        assertThat(store.lifetimes)
                .singleElement()
                .satisfies(lifetime -> assertThat(lifetime)
                        .isGreaterThanOrEqualTo(Duration.ofHours(2))
                        .isLessThanOrEqualTo(Duration.ofHours(2).plusMinutes(10)));
    }
}
