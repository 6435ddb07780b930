package org.vidcut.api.compat.files;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code vidcut.compat.files-api.*}.
 *
 * @param anonymous serve {@code /file} requests without a token as one shared account; only for trusted
 *     networks, since everyone reaching the api then shares those files
 */
@Validated
@ConfigurationProperties("vidcut.compat.files-api")
record FilesApiProperties(boolean anonymous) {}
