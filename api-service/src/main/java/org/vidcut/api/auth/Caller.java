package org.vidcut.api.auth;

/**
 * The authenticated user of the current request. Controllers take it as a method parameter; every query
 * they make is scoped to {@link #userId()}.
 */
public record Caller(String userId) {}
