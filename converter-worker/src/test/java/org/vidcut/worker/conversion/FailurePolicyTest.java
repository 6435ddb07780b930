package org.vidcut.worker.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.vidcut.contracts.FailureKind;
import org.vidcut.support.storage.StorageUnavailable;
import org.vidcut.worker.storage.SourceObjectMissing;

class FailurePolicyTest {

    @Test
    void aMissingSourceIsFinal() {
        var failure = FailurePolicy.classify(new SourceObjectMissing("originals/u/v"));

        assertThat(failure.kind()).isEqualTo(FailureKind.FINAL);
        assertThat(failure.reason()).contains("no longer exists");
    }

    @Test
    void unreadableMediaIsFinal() {
        var failure = FailurePolicy.classify(
                ConversionFailed.ffmpegFailed("source: Invalid data found when processing input"));

        assertThat(failure.kind()).isEqualTo(FailureKind.FINAL);
        assertThat(failure.reason()).contains("Invalid data found");
    }

    @Test
    void ffmpegRejectingParametersIsFinal() {
        var failure = FailurePolicy.classify(ConversionFailed.ffmpegFailed(
                "Error initializing output stream 0:0 -- Error while opening encoder for output stream"));

        assertThat(failure.kind()).isEqualTo(FailureKind.FINAL);
    }

    @Test
    void aSourceThatVanishedDuringTheRunIsFinal() {
        var failure = FailurePolicy.classify(ConversionFailed.ffmpegFailed("source: Server returned 404 Not Found"));

        assertThat(failure.kind()).isEqualTo(FailureKind.FINAL);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "source: Connection refused",
                "source: Server returned 503 Service Unavailable",
                "source: Connection reset by peer",
                "source: Connection timed out",
                "Error while reading source: Input/output error",
                "av_interleaved_write_frame(): No space left on device",
                "source: Server returned 403 Forbidden (access denied)"
            })
    void ffmpegFailingToReachStorageOrDiskIsTransient(String message) {
        assertThat(FailurePolicy.classify(ConversionFailed.ffmpegFailed(message))
                        .kind())
                .isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void aFailedVerificationIsFinal() {
        var failure = FailurePolicy.classify(ConversionFailed.outputRejected("ffmpeg produced no output"));

        assertThat(failure.kind()).isEqualTo(FailureKind.FINAL);
        assertThat(failure.reason()).isEqualTo("ffmpeg produced no output");
    }

    @Test
    void aTimeoutIsFinal() {
        var failure = FailurePolicy.classify(ConversionFailed.timedOut(Duration.ofSeconds(90)));

        assertThat(failure.kind()).isEqualTo(FailureKind.FINAL);
        assertThat(failure.reason()).contains("90 s");
    }

    @Test
    void anInvalidJobIsFinal() {
        assertThat(FailurePolicy.classify(ConversionFailed.jobInvalid("invalid job: empty time range"))
                        .kind())
                .isEqualTo(FailureKind.FINAL);
    }

    @Test
    void storageTroubleIsTransient() {
        var failure = FailurePolicy.classify(
                new StorageUnavailable("object store unreachable: ConnectException", new ConnectException()));

        assertThat(failure.kind()).isEqualTo(FailureKind.TRANSIENT);
        assertThat(failure.reason()).startsWith("storage unavailable");
    }

    @Test
    void workDirectoryIoErrorsAreTransient() {
        assertThat(FailurePolicy.classify(new UncheckedIOException(new IOException("read-only file system")))
                        .kind())
                .isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void aWorkerShuttingDownIsTransient() {
        var failure = FailurePolicy.classify(ConversionFailed.workerShuttingDown());

        assertThat(failure.kind()).isEqualTo(FailureKind.TRANSIENT);
        assertThat(failure.reason()).isEqualTo("worker shutting down");
    }

    @Test
    void aWorkerWithoutFfmpegIsTransientSoAnotherWorkerCanTry() {
        assertThat(FailurePolicy.classify(ConversionFailed.ffmpegUnavailable(new IOException()))
                        .kind())
                .isEqualTo(FailureKind.TRANSIENT);
    }

    @Test
    void anUnexpectedErrorIsTransientAndNamesOnlyItsType() {
        var failure = FailurePolicy.classify(new IllegalStateException("secret=hunter2"));

        assertThat(failure.kind()).isEqualTo(FailureKind.TRANSIENT);
        assertThat(failure.reason()).isEqualTo("unexpected worker error: IllegalStateException");
    }

    @Test
    void reasonsAreOneShortLine() {
        var failure = FailurePolicy.classify(ConversionFailed.outputRejected("first\nsecond\t" + "x".repeat(1000)));

        assertThat(failure.reason()).doesNotContain("\n", "\t").hasSizeLessThanOrEqualTo(303);
    }
}
