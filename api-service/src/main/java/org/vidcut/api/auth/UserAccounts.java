package org.vidcut.api.auth;

import java.util.Locale;
import java.util.Optional;
import org.springframework.data.repository.Repository;

/** Users by id or by the lower-cased username. */
interface UserAccounts extends Repository<UserAccount, String> {

    String USERNAME_INDEX = "users_username_key_unique";
    String EMAIL_INDEX = "users_email_key_unique";

    UserAccount save(UserAccount account);

    Optional<UserAccount> findByUsernameKey(String usernameKey);

    Optional<UserAccount> findById(String id);

    boolean existsById(String id);

    boolean existsByUsernameKey(String usernameKey);

    boolean existsByEmailKey(String emailKey);

    static String key(String value) {
        return value.strip().toLowerCase(Locale.ROOT);
    }
}
