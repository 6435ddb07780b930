package org.vidcut.api.auth;

import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.vidcut.api.auth.AccountRequests.AccountCreated;
import org.vidcut.api.auth.AccountRequests.AnonymousUserCreated;
import org.vidcut.api.auth.AccountRequests.Login;
import org.vidcut.api.auth.AccountRequests.Registration;
import org.vidcut.api.auth.AccountRequests.TokenGranted;

/** Creates users and exchanges passwords for tokens. */
@Service
class AccountService {

    private final UserAccounts accounts;
    private final UserIndexes indexes;
    private final PasswordHasher passwords;
    private final TokenService tokens;
    private final Clock clock;

    AccountService(
            UserAccounts accounts,
            UserIndexes indexes,
            PasswordHasher passwords,
            TokenService tokens,
            ObjectProvider<Clock> clock) {
        this.accounts = accounts;
        this.indexes = indexes;
        this.passwords = passwords;
        this.tokens = tokens;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    AnonymousUserCreated createAnonymous() {
        var saved = accounts.save(UserAccount.anonymous(clock.instant()));
        return new AnonymousUserCreated(tokens.issue(saved.id()).token());
    }

    AccountCreated register(Registration registration) {
        indexes.ensure();
        var username = registration.username().strip();
        var email = registration.email().strip();
        // The checks give the precise message; the unique indexes settle races between two registrations.
        if (accounts.existsByUsernameKey(UserAccounts.key(username))) {
            throw new AccountAlreadyExists("username");
        }
        if (accounts.existsByEmailKey(UserAccounts.key(email))) {
            throw new AccountAlreadyExists("email");
        }
        UserAccount saved;
        try {
            saved = accounts.save(
                    UserAccount.named(username, email, passwords.hash(registration.password()), clock.instant()));
        } catch (DuplicateKeyException e) {
            var message = String.valueOf(e.getMessage());
            throw new AccountAlreadyExists(message.contains(UserAccounts.EMAIL_INDEX) ? "email" : "username");
        }
        return new AccountCreated(
                saved.id(), saved.username(), tokens.issue(saved.id()).token());
    }

    TokenGranted login(Login login) {
        var signedIn = signIn(login);
        return new TokenGranted(signedIn.token(), signedIn.expiresAt());
    }

    /** Checks the password and issues a token for the account it belongs to. */
    SignedIn signIn(Login login) {
        var account = accounts.findByUsernameKey(UserAccounts.key(login.username()));
        if (account.isEmpty() || account.get().passwordHash() == null) {
            passwords.burnTime(login.password());
            throw new CredentialsRejected();
        }
        if (!passwords.matches(login.password(), account.get().passwordHash())) {
            throw new CredentialsRejected();
        }
        var issued = tokens.issue(account.get().id());
        return new SignedIn(account.get().id(), issued.token(), issued.expiresAt());
    }

    /**
     * The id of a named account nobody can sign in to (no password, a username registration refuses),
     * created on first use: the one account that requests of a tokenless compatibility API act as.
     */
    String sharedAccount(String username) {
        indexes.ensure();
        var key = UserAccounts.key(username);
        var existing = accounts.findByUsernameKey(key);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        try {
            return accounts.save(new UserAccount(null, username, key, null, null, null, false, clock.instant()))
                    .id();
        } catch (DuplicateKeyException raced) {
            return accounts.findByUsernameKey(key).orElseThrow().id();
        }
    }
}
