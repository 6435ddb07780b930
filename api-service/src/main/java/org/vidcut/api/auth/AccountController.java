package org.vidcut.api.auth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.vidcut.api.auth.AccountRequests.AccountCreated;
import org.vidcut.api.auth.AccountRequests.AnonymousUserCreated;
import org.vidcut.api.auth.AccountRequests.Login;
import org.vidcut.api.auth.AccountRequests.Registration;
import org.vidcut.api.auth.AccountRequests.TokenGranted;

/** Account creation and password login: the only {@code /v1} endpoints that need no token. */
@RestController
@Tag(name = "accounts", description = "Users and tokens")
@SecurityRequirements
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping(path = "/v1/users", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Create a user",
            description = "Without a body: a new anonymous user, answered with {token}. With {username, email,"
                    + " password}: a named account, answered with {id, username, token}.")
    @ApiResponse(
            responseCode = "201",
            description = "Created",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON_VALUE,
                            schema = @Schema(oneOf = {AnonymousUserCreated.class, AccountCreated.class})))
    @ApiResponse(responseCode = "409", description = "The username or email is already registered")
    ResponseEntity<Object> create(
            @RequestBody(required = false) @Valid @Nullable Registration registration, HttpServletRequest request) {
        var address = request.getRemoteAddr();
        Object created =
                registration == null ? accounts.createAnonymous(address) : accounts.register(registration, address);
        return ResponseEntity.status(HttpStatus.CREATED)
                .cacheControl(CacheControl.noStore())
                .body(created);
    }

    @PostMapping(path = "/v1/auth/login", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Exchange username and password for a token")
    ResponseEntity<TokenGranted> login(@RequestBody @Valid Login login, HttpServletRequest request) {
        // a token must not stay in a browser's or a proxy's cache
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(accounts.login(login, request.getRemoteAddr()));
    }
}
