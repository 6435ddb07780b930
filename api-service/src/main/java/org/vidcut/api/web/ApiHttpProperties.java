package org.vidcut.api.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * HTTP settings of the api ({@code vidcut.api.*}).
 *
 * @param publicBaseUrl where clients reach the api (scheme, host and port), used for {@code Location} and
 *     {@code Link}; unset, {@code http://localhost:<port the request came in on>}. The request's {@code Host}
 *     header is never used: it is the client's to choose.
 * @param maxJsonBody the largest JSON body accepted; larger ones are answered with 413 before they are read
 */
@Validated
@ConfigurationProperties("vidcut.api")
record ApiHttpProperties(
        @Nullable URI publicBaseUrl, @NotNull DataSize maxJsonBody) {

    @AssertTrue(message = "vidcut.api.public-base-url must be an http(s) address such as https://api.example.com")
    boolean isPublicBaseUrlHttp() {
        return publicBaseUrl == null
                || (publicBaseUrl.getHost() != null
                        && ("http".equals(publicBaseUrl.getScheme()) || "https".equals(publicBaseUrl.getScheme())));
    }

    @AssertTrue(message = "vidcut.api.max-json-body must be positive")
    boolean isMaxJsonBodyPositive() {
        return maxJsonBody == null || maxJsonBody.toBytes() > 0;
    }
}
