package org.vidcut.api.compat.files;

import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.vidcut.api.web.ErrorDialect;

/**
 * {@code /file} errors are plain {@code application/json} {@code {error}}, and bad input of any kind (not a
 * video, bad dimensions, an unknown id) is a 400, as the earlier system's clients and tests expect. Statuses
 * that say something else than "your input is wrong" stay.
 */
@Component
class FilesErrorDialect implements ErrorDialect {

    private static final Set<Integer> KEPT = Set.of(401, 403, 405, 406, 413, 429);

    static boolean isFilesPath(String path) {
        return path.equals("/file") || path.startsWith("/file/");
    }

    @Override
    public boolean covers(String path) {
        return isFilesPath(path);
    }

    @Override
    public HttpStatusCode status(HttpStatusCode status) {
        return status.is4xxClientError() && !KEPT.contains(status.value()) ? HttpStatus.BAD_REQUEST : status;
    }
}
