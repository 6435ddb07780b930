package org.vidcut.worker;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.nio.file.Path;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;
import org.vidcut.support.messaging.HostName;

/**
 * Settings of one worker process ({@code vidcut.worker.*}); defaults are in
 * {@code converter-worker-defaults.properties}, except those that depend on the machine.
 *
 * @param id shown in events and in the consumer tags; defaults to the host name
 * @param concurrency jobs run at the same time; defaults to the number of cores
 * @param ffmpegPath the ffmpeg executable
 * @param ffprobePath the ffprobe executable
 * @param workDir where outputs are written before the upload; defaults to {@code java.io.tmpdir/vidcut-worker}
 * @param heartbeatInterval a progress event is published this often while a job runs
 * @param timeoutBase fixed part of the time one ffmpeg run may take
 * @param timeoutPerInputSecond added per second of output
 * @param maxOutputSize larger outputs fail
 * @param shutdownGracePeriod how long a running job may still take when the worker is asked to stop
 * @param confirmTimeout how long to wait for the broker to confirm an event
 * @param timeoutMax no ffmpeg run takes longer than this, however long its output (the per-second budget
 *     alone would give a 12 h video days)
 * @param ffmpegMemoryLimit the memory one ffmpeg run may claim (its data segment, {@code prlimit --data},
 *     plus ffmpeg's {@code -max_alloc}); a run that needs more fails finally
 * @param ffmpegThreads threads of each ffmpeg decoder and encoder; defaults to the number of cores the JVM
 *     sees, which follows the container's CPU limit where ffmpeg itself would count every core of the node
 */
@Validated
@ConfigurationProperties("vidcut.worker")
public record WorkerProperties(
        String id,
        @Min(1) Integer concurrency,
        @NotBlank String ffmpegPath,
        @NotBlank String ffprobePath,
        Path workDir,
        @NotNull @DurationMin(millis = 1) Duration heartbeatInterval,
        @NotNull @DurationMin(seconds = 1) Duration timeoutBase,
        @NotNull @DurationMin(millis = 0) Duration timeoutPerInputSecond,
        @NotNull DataSize maxOutputSize,
        @NotNull @DurationMin(millis = 0) Duration shutdownGracePeriod,
        @NotNull @DurationMin(millis = 1) Duration confirmTimeout,
        @NotNull @DurationMin(seconds = 1) Duration timeoutMax,
        @NotNull DataSize ffmpegMemoryLimit,
        @Min(1) Integer ffmpegThreads) {

    public WorkerProperties {
        if (id == null || id.isBlank()) {
            id = HostName.current();
        }
        if (concurrency == null) {
            concurrency = Runtime.getRuntime().availableProcessors();
        }
        if (ffmpegThreads == null) {
            ffmpegThreads = Runtime.getRuntime().availableProcessors();
        }
        if (workDir == null) {
            workDir = Path.of(System.getProperty("java.io.tmpdir"), "vidcut-worker");
        }
    }

    @AssertTrue(message = "must be positive")
    public boolean isMaxOutputSizePositive() {
        return maxOutputSize == null || maxOutputSize.toBytes() > 0;
    }

    /** Below that, ffmpeg cannot even load its libraries. */
    @AssertTrue(message = "must be at least 64MB")
    public boolean isFfmpegMemoryLimitEnough() {
        return ffmpegMemoryLimit == null || ffmpegMemoryLimit.toMegabytes() >= 64;
    }

    @AssertTrue(message = "timeout-max must not be shorter than timeout-base")
    public boolean isTimeoutMaxAtLeastTheBase() {
        return timeoutMax == null || timeoutBase == null || timeoutMax.compareTo(timeoutBase) >= 0;
    }
}
