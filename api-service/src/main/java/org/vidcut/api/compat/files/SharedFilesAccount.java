package org.vidcut.api.compat.files;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;
import org.vidcut.api.auth.Accounts;
import org.vidcut.api.auth.Caller;
import org.vidcut.api.auth.TokenlessCallers;

/**
 * With {@code vidcut.compat.files-api.anonymous=true}, tokenless {@code /file} requests act as one shared account,
 * as the earlier system (which had no accounts) served everybody. Off by default.
 */
@Component
class SharedFilesAccount implements TokenlessCallers {

    /** Registration refuses a colon in a username, so nobody can claim this account. */
    static final String USERNAME = "compat:files-api";

    private final FilesApiProperties properties;
    private final Accounts accounts;
    private final AtomicReference<String> id = new AtomicReference<>();

    SharedFilesAccount(FilesApiProperties properties, Accounts accounts) {
        this.properties = properties;
        this.accounts = accounts;
    }

    @Override
    public Optional<Caller> callerFor(HttpServletRequest request) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (!properties.anonymous() || !FilesErrorDialect.isFilesPath(path)) {
            return Optional.empty();
        }
        return Optional.of(
                new Caller(id.updateAndGet(known -> known != null ? known : accounts.sharedAccount(USERNAME))));
    }
}
