package org.vidcut.api.compat.conversions;

import org.springframework.stereotype.Component;
import org.vidcut.api.web.ErrorDialect;

/** {@code /api} errors are plain {@code application/json} with an {@code error} field; statuses stay. */
@Component
class ConversionErrorDialect implements ErrorDialect {

    @Override
    public boolean covers(String path) {
        return path.equals("/api") || path.startsWith("/api/");
    }
}
