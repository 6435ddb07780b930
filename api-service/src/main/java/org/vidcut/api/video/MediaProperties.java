package org.vidcut.api.video;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How the api runs ffprobe ({@code vidcut.media.*}).
 *
 * @param probeTimeout an ffprobe still running after this is killed and the upload refused
 * @param probeLinkExpiry lifetime of the presigned link ffprobe reads the upload through
 */
@Validated
@ConfigurationProperties("vidcut.media")
record MediaProperties(
        @NotBlank String ffprobePath,
        @NotNull @DurationMin(seconds = 1) Duration probeTimeout,
        @NotNull @DurationMin(seconds = 1) Duration probeLinkExpiry) {}
