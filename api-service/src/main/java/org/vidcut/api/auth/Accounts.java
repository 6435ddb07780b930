package org.vidcut.api.auth;

import jakarta.validation.Validator;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.vidcut.api.auth.AccountRequests.Login;
import org.vidcut.api.auth.AccountRequests.Registration;

/**
 * The account use cases for other features (the compatibility APIs), with the same rules as {@code /v1/users}:
 * other features get accounts through here instead of a second implementation.
 */
@Component
public class Accounts {

    private final AccountService accounts;
    private final Validator validator;

    Accounts(AccountService accounts, Validator validator) {
        this.accounts = accounts;
        this.validator = validator;
    }

    /**
     * Counts against the same signup limit of the client address as {@code POST /v1/users}.
     *
     * @throws AccountRejected when the username, email or password breaks the rules of {@code POST /v1/users}
     */
    public RegisteredAccount register(String username, String email, String password, String clientAddress) {
        var registration = new Registration(username, email, password);
        var violations = validator.validate(registration);
        if (!violations.isEmpty()) {
            throw new AccountRejected(violations.stream()
                    .map(v -> v.getPropertyPath() + ": " + v.getMessage())
                    .sorted()
                    .collect(Collectors.joining("; ")));
        }
        var created = accounts.register(registration, clientAddress);
        return new RegisteredAccount(created.id(), created.username(), created.token());
    }

    /**
     * Answers 401 (as {@code POST /v1/auth/login} does) when the username or password is wrong or missing, and
     * 429 under the same login limits.
     */
    public SignedIn signIn(String username, String password, String clientAddress) {
        if (username == null || password == null) {
            throw new CredentialsRejected();
        }
        return accounts.signIn(new Login(username, password), clientAddress);
    }

    /** See {@link AccountService#sharedAccount}; the username must be one that registration refuses. */
    public String sharedAccount(String username) {
        return accounts.sharedAccount(username);
    }
}
