package org.vidcut.api.auth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.vidcut.api.limits.Limits;
import org.vidcut.api.limits.Usage;
import org.vidcut.api.limits.UserLimits;

/** {@code GET /v1/users/me}: who the token belongs to, what the user holds and what the user may hold. */
@RestController
@Tag(name = "accounts", description = "Users and tokens")
class ProfileController {

    private final UserAccounts accounts;
    private final UserLimits limits;

    ProfileController(UserAccounts accounts, UserLimits limits) {
        this.accounts = accounts;
        this.limits = limits;
    }

    record Profile(
            String id, @Nullable String username, boolean anonymous, Instant createdAt, Usage usage, Limits limits) {}

    @GetMapping("/v1/users/me")
    @Operation(summary = "The caller's account with its usage and limits")
    Profile me(Caller caller) {
        // the interceptor checked that the user exists; one deleted since is an unauthenticated caller
        var account = accounts.findById(caller.userId())
                .orElseThrow(() -> new CallerNotAuthenticated("the token's user does not exist"));
        return new Profile(
                account.id(),
                account.username(),
                account.anonymous(),
                account.createdAt(),
                limits.usage(account.id()),
                limits.limits());
    }
}
