package org.vidcut.api.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BearerTokensTest {

    private static final String JWT = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1MSJ9.c2lnbmF0dXJl";

    @Test
    void readsBearerScheme() {
        assertThat(BearerTokens.fromHeader("Bearer " + JWT)).contains(JWT);
    }

    @Test
    void readsSchemeCaseInsensitively() {
        assertThat(BearerTokens.fromHeader("bearer " + JWT)).contains(JWT);
    }

    @Test
    void readsTokenScheme() {
        assertThat(BearerTokens.fromHeader("Token " + JWT)).contains(JWT);
    }

    @Test
    void readsRailsStyleTokenParameter() {
        assertThat(BearerTokens.fromHeader("Token token=\"" + JWT + "\"")).contains(JWT);
    }

    @Test
    void readsRailsStyleTokenParameterWithFurtherOptions() {
        assertThat(BearerTokens.fromHeader("Token token=\"" + JWT + "\", nonce=\"x\""))
                .contains(JWT);
    }

    @Test
    void rejectsOtherSchemes() {
        assertThat(BearerTokens.fromHeader("Basic dXNlcjpwYXNz")).isEmpty();
    }

    @Test
    void rejectsSchemeWithoutToken() {
        assertThat(BearerTokens.fromHeader("Bearer")).isEmpty();
        assertThat(BearerTokens.fromHeader("Bearer   ")).isEmpty();
    }

    @Test
    void rejectsTokenWithForbiddenCharacters() {
        assertThat(BearerTokens.fromHeader("Bearer abc def")).isEmpty();
        assertThat(BearerTokens.fromHeader("Token token=\"\"")).isEmpty();
    }

    @Test
    void rejectsMissingHeader() {
        assertThat(BearerTokens.fromHeader(null)).isEmpty();
    }
}
