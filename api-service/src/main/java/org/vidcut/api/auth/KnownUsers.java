package org.vidcut.api.auth;

/**
 * Whether a token's subject is still a user: a validly signed token of a deleted (or never created) user is
 * refused.
 */
interface KnownUsers {

    boolean exists(String userId);
}
