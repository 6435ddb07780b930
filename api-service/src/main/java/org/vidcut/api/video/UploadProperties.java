package org.vidcut.api.video;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Upload limits ({@code vidcut.upload.*}). The servlet multipart limits are derived from the same property in
 * the defaults file; this copy guards the service itself.
 */
@ConfigurationProperties("vidcut.upload")
record UploadProperties(@DefaultValue("2GB") DataSize maxSize) {}
