package org.vidcut.worker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.vidcut.support.storage.StorageProperties;

/** Bad settings stop the worker at start-up instead of failing jobs later. */
class PropertiesValidationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({WorkerProperties.class, StorageProperties.class})
    static class Settings {}

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class)
            .withPropertyValues(
                    "vidcut.worker.ffmpeg-path=ffmpeg",
                    "vidcut.worker.ffprobe-path=ffprobe",
                    "vidcut.worker.heartbeat-interval=5s",
                    "vidcut.worker.timeout-base=60s",
                    "vidcut.worker.timeout-per-input-second=10s",
                    "vidcut.worker.max-output-size=10GB",
                    "vidcut.worker.shutdown-grace-period=20s",
                    "vidcut.worker.confirm-timeout=10s",
                    "vidcut.worker.timeout-max=6h",
                    "vidcut.worker.ffmpeg-memory-limit=2GB",
                    "vidcut.storage.endpoint=http://localhost:9000",
                    "vidcut.storage.access-key=key",
                    "vidcut.storage.secret-key=secret",
                    "vidcut.storage.bucket=vidcut",
                    "vidcut.storage.region=us-east-1",
                    "vidcut.storage.part-size=8MB",
                    "vidcut.storage.presign-expiry=1h",
                    "vidcut.storage.connect-timeout=5s");

    @Test
    void acceptsCompleteSettingsAndFillsTheMachineDependentDefaults() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            var worker = context.getBean(WorkerProperties.class);
            assertThat(worker.id()).isNotBlank();
            assertThat(worker.concurrency()).isEqualTo(Runtime.getRuntime().availableProcessors());
            assertThat(worker.ffmpegThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
        });
    }

    @Test
    void rejectsAMemoryLimitTooSmallForFfmpegToStart() {
        runner.withPropertyValues("vidcut.worker.ffmpeg-memory-limit=2KB")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("at least 64MB"));
    }

    @Test
    void rejectsATimeCeilingBelowTheBase() {
        runner.withPropertyValues("vidcut.worker.timeout-max=30s")
                .run(context -> assertThat(context)
                        .getFailure()
                        .hasStackTraceContaining("timeout-max must not be shorter than timeout-base"));
    }

    @Test
    void rejectsAPartSizeBelowWhatS3Accepts() {
        runner.withPropertyValues("vidcut.storage.part-size=1MB")
                .run(context -> assertThat(context)
                        .getFailure()
                        .hasStackTraceContaining("vidcut.storage")
                        .hasStackTraceContaining("at least 5MB"));
    }

    @Test
    void rejectsAZeroHeartbeatInterval() {
        runner.withPropertyValues("vidcut.worker.heartbeat-interval=0s")
                .run(context -> assertThat(context).getFailure().hasStackTraceContaining("heartbeatInterval"));
    }

    @Test
    void rejectsAConcurrencyBelowOne() {
        runner.withPropertyValues("vidcut.worker.concurrency=0")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void rejectsAMissingStorageEndpoint() {
        runner.withPropertyValues("vidcut.storage.endpoint=")
                .run(context -> assertThat(context).hasFailed());
    }
}
