package org.vidcut.api.auth;

import java.time.Instant;

/** A signed JWT and the moment it stops being accepted. */
record IssuedToken(String token, Instant expiresAt) {}
