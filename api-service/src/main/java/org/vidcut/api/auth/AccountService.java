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
import org.vidcut.api.limits.UserLimits;

/** Creates users and exchanges passwords for tokens. */
@Service
class AccountService {

    private final UserAccounts accounts;
    private final UserIndexes indexes;
    private final PasswordHasher passwords;
    private final TokenService tokens;
    private final UserLimits limits;
    private final Clock clock;

    AccountService(
            UserAccounts accounts,
            UserIndexes indexes,
            PasswordHasher passwords,
            TokenService tokens,
            UserLimits limits,
            ObjectProvider<Clock> clock) {
        this.accounts = accounts;
        this.limits = limits;
        this.indexes = indexes;
        this.passwords = passwords;
        this.tokens = tokens;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    AnonymousUserCreated createAnonymous(String clientAddress) {
        limits.admitSignup(clientAddress);
        var saved = accounts.save(UserAccount.anonymous(clock.instant()));
        return new AnonymousUserCreated(tokens.issue(saved.id()).token());
    }

    AccountCreated register(Registration registration, String clientAddress) {
        limits.admitSignup(clientAddress);
        indexes.ensure();
        var username = registration.username().strip();
        var email = registration.email().strip();
        // Hashed before anything is looked up, so that a taken name answers as slowly as a free one.
        var hash = passwords.hash(registration.password());
        // One answer for a taken username and a taken email, so that registering does not tell whether an email
        // address has an account; the unique indexes settle races between two registrations.
        if (accounts.existsByUsernameKey(UserAccounts.key(username))
                || accounts.existsByEmailKey(UserAccounts.key(email))) {
            throw new AccountAlreadyExists();
        }
        UserAccount saved;
        try {
            saved = accounts.save(UserAccount.named(username, email, hash, clock.instant()));
        } catch (DuplicateKeyException e) {
            throw new AccountAlreadyExists();
        }
        return new AccountCreated(
                saved.id(), saved.username(), tokens.issue(saved.id()).token());
    }

    TokenGranted login(Login login, String clientAddress) {
        var signedIn = signIn(login, clientAddress);
        return new TokenGranted(signedIn.token(), signedIn.expiresAt());
    }

    /** Checks the password, within the login limits of the username and the client address, and issues a token. */
    SignedIn signIn(Login login, String clientAddress) {
        limits.admitLogin(login.username(), clientAddress);
        var account = accounts.findByUsernameKey(UserAccounts.key(login.username()));
        if (account.isEmpty() || account.get().passwordHash() == null) {
            passwords.burnTime(login.password());
            limits.recordFailedLogin(login.username(), clientAddress);
            throw new CredentialsRejected();
        }
        if (!passwords.matches(login.password(), account.get().passwordHash())) {
            limits.recordFailedLogin(login.username(), clientAddress);
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
