package org.vidcut.support.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.minio.errors.ErrorResponseException;
import io.minio.messages.ErrorResponse;
import jakarta.validation.Validation;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The settings and the failure mapping both services' stores are built on. */
class StorageSupportTest {

    private static StorageProperties properties() {
        return new StorageProperties(
                URI.create("http://s3:9000"),
                null,
                "the-access-key",
                "the-secret-key",
                "vidcut",
                "us-east-1",
                DataSize.ofMegabytes(8),
                Duration.ofHours(1),
                Duration.ofSeconds(5));
    }

    private static ErrorResponseException answered(String code) {
        return new ErrorResponseException(
                new ErrorResponse(code, "message", "vidcut", "key", "/vidcut/key", "r", "h"), null, null);
    }

    private static List<String> violations(StorageProperties properties) {
        try (var factory = Validation.buildDefaultValidatorFactory()) {
            return factory.getValidator().validate(properties).stream()
                    .map(violation -> violation.getPropertyPath() + " " + violation.getMessage())
                    .toList();
        }
    }

    @Test
    void acceptsTheDefaults() {
        assertThat(violations(properties())).isEmpty();
    }

    @Test
    void printsItsSettingsWithoutTheKeys() {
        assertThat(properties().toString())
                .contains("http://s3:9000", "vidcut")
                .doesNotContain("the-secret-key", "the-access-key");
    }

    @Test
    void anAnswerThatTheObjectOrBucketDoesNotExistIsMissingForBothServices() {
        for (var code : new String[] {"NoSuchKey", "NoSuchObject", "NotFound", "NoSuchBucket"}) {
            assertThat(StorageErrors.isMissing(answered(code))).as(code).isTrue();
        }
        assertThat(StorageErrors.isMissing(answered("AccessDenied"))).isFalse();
        assertThat(StorageErrors.isMissing(new IOException("connection refused")))
                .isFalse();
    }

    @Test
    void everyOtherFailureIsUnavailabilityNamingWhatFailedButNoKey() {
        assertThatThrownBy(() -> StorageErrors.call("could not upload the result", () -> {
                    throw answered("AccessDenied");
                }))
                .isInstanceOf(StorageUnavailable.class)
                .hasMessage("could not upload the result: the store answered AccessDenied");
        assertThatThrownBy(() -> StorageErrors.call("could not sign", () -> {
                    throw new IOException("secret in a message");
                }))
                .isInstanceOf(StorageUnavailable.class)
                .hasMessage("could not sign: IOException");
    }

    @Test
    void refusesPartSizeBelowS3Minimum() {
        assertThat(violations(new StorageProperties(
                        URI.create("http://s3"),
                        null,
                        "a",
                        "b",
                        "vidcut",
                        "us-east-1",
                        DataSize.ofMegabytes(1),
                        Duration.ofHours(1),
                        Duration.ofSeconds(5))))
                .singleElement()
                .asString()
                .contains("part-size");
    }

    @Test
    void refusesPresignExpiryBeyondSevenDays() {
        assertThat(violations(new StorageProperties(
                        URI.create("http://s3"),
                        null,
                        "a",
                        "b",
                        "vidcut",
                        "us-east-1",
                        DataSize.ofMegabytes(8),
                        Duration.ofDays(8),
                        Duration.ofSeconds(5))))
                .singleElement()
                .asString()
                .contains("presignExpiry");
    }
}
