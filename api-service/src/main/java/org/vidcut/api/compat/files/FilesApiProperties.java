package org.vidcut.api.compat.files;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code vidcut.compat.files-api.*}.
 *
 * @param anonymous serve {@code /file} requests without a token as one shared account; only for trusted
 *     networks, since everyone reaching the api then shares those files
 */
@ConfigurationProperties("vidcut.compat.files-api")
record FilesApiProperties(@DefaultValue("false") boolean anonymous) {}
