package org.vidcut.api.auth;

import java.time.Instant;

/** A successful password sign-in: whose account it is and the token issued for it. */
public record SignedIn(String userId, String token, Instant expiresAt) {}
