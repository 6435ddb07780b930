package org.vidcut.api.auth;

/** A named account just created, with a token for it. */
public record RegisteredAccount(String id, String username, String token) {}
