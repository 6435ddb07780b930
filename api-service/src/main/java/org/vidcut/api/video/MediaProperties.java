package org.vidcut.api.video;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the api runs ffprobe ({@code vidcut.media.*}).
 *
 * @param probeTimeout an ffprobe still running after this is killed and the upload refused
 * @param probeLinkExpiry lifetime of the presigned link ffprobe reads the upload through
 */
@ConfigurationProperties("vidcut.media")
record MediaProperties(
        @DefaultValue("ffprobe") String ffprobePath,
        @DefaultValue("60s") Duration probeTimeout,
        @DefaultValue("10m") Duration probeLinkExpiry) {}
