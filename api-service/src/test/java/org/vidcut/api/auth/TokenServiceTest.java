package org.vidcut.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class TokenServiceTest {

    // 64 bytes, so that an HS512 signature with the very same key is possible
    private static final String SECRET = "5b1e9d04c7a23f68e0d4b19a72c56e3f8a0b7d2c4e6f1a9b3c5d7e0f2a4b6c8d";
    private static final String OLD_SECRET = "c3f1a7e90b25d48f6e0c2a9b7d13f5e8a4c6b0d2e9f7a1c3b5d8e0f2a4c6b9d1";
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private static AuthProperties properties(String secret) {
        return TestAuth.properties(secret, Duration.ofHours(24));
    }

    private static TokenService at(Instant now) {
        return new TokenService(properties(SECRET), Clock.fixed(now, ZoneOffset.UTC));
    }

    private static byte[] bytes(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    /** A token as the api issues it, signed with the real key, changed by {@code change}. */
    private static String forged(UnaryOperator<JwtBuilder> change) {
        var builder = Jwts.builder()
                .header()
                .keyId(TokenService.keyIdOf(bytes(SECRET)))
                .and()
                .issuer("vidcut")
                .audience()
                .add("vidcut-api")
                .and()
                .subject("user-1")
                .issuedAt(Date.from(NOW))
                .expiration(Date.from(NOW.plus(Duration.ofHours(1))))
                .signWith(Keys.hmacShaKeyFor(bytes(SECRET)), Jwts.SIG.HS256);
        return change.apply(builder).compact();
    }

    @Test
    void verifiesItsOwnTokenAsTheUserId() {
        var issued = at(NOW).issue("user-1");

        assertThat(issued.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(at(NOW.plusSeconds(60)).verify(issued.token())).isEqualTo("user-1");
    }

    @Test
    void acceptsATokenBuiltAsTheApiBuildsThem() {
        assertThat(at(NOW).verify(forged(UnaryOperator.identity()))).isEqualTo("user-1");
    }

    @Test
    void putsKeyIdIssuerAudienceIssuedAtExpiryAndUniqueIdIntoTheToken() {
        var service = at(NOW);
        var first = service.issue("user-1").token();
        var second = service.issue("user-1").token();

        var parsed = Jwts.parser()
                .verifyWith(Keys.hmacShaKeyFor(bytes(SECRET)))
                .clock(() -> Date.from(NOW))
                .build()
                .parseSignedClaims(first);
        var claims = parsed.getPayload();
        assertThat(parsed.getHeader().getKeyId()).isEqualTo(TokenService.keyIdOf(bytes(SECRET)));
        assertThat(parsed.getHeader().getAlgorithm()).isEqualTo("HS256");
        assertThat(claims.getIssuer()).isEqualTo("vidcut");
        assertThat(claims.getAudience()).containsExactly("vidcut-api");
        assertThat(claims.getIssuedAt().toInstant()).isEqualTo(NOW);
        assertThat(claims.getExpiration().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(claims.getId()).isNotBlank();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void rejectsExpiredToken() {
        var token = at(NOW).issue("user-1").token();

        assertThatThrownBy(
                        () -> at(NOW.plus(Duration.ofHours(24)).plusSeconds(31)).verify(token))
                .isInstanceOf(CallerNotAuthenticated.class)
                .hasMessageContaining("expired");
    }

    @Test
    void rejectsTokenWithoutExpiry() {
        var token = forged(builder -> builder.expiration(null));

        assertThatThrownBy(() -> at(NOW).verify(token))
                .isInstanceOf(CallerNotAuthenticated.class)
                .hasMessageContaining("expiry");
    }

    @Test
    void rejectsTokenValidForLongerThanTheConfiguredLifetime() {
        var token = forged(builder -> builder.expiration(Date.from(Instant.parse("9999-01-01T00:00:00Z"))));

        assertThatThrownBy(() -> at(NOW).verify(token))
                .isInstanceOf(CallerNotAuthenticated.class)
                .hasMessageContaining("longer");
    }

    @Test
    void rejectsTokenIssuedInTheFuture() {
        var token = forged(builder -> builder.issuedAt(Date.from(NOW.plus(Duration.ofHours(1))))
                .expiration(Date.from(NOW.plus(Duration.ofHours(2)))));

        assertThatThrownBy(() -> at(NOW).verify(token))
                .isInstanceOf(CallerNotAuthenticated.class)
                .hasMessageContaining("future");
    }

    @Test
    void rejectsTokenSignedWithHs512EvenWithTheRightKey() {
        var token = forged(builder -> builder.signWith(Keys.hmacShaKeyFor(bytes(SECRET)), Jwts.SIG.HS512));

        assertThatThrownBy(() -> at(NOW).verify(token)).isInstanceOf(CallerNotAuthenticated.class);
    }

    @Test
    void rejectsTokenOfAnotherIssuerOrAudience() {
        var otherIssuer = forged(builder -> builder.issuer("someone-else"));
        var otherAudience = forged(builder -> builder.audience().single("another-api"));
        var noAudience = forged(builder -> builder.audience().single(null));

        assertThatThrownBy(() -> at(NOW).verify(otherIssuer)).isInstanceOf(CallerNotAuthenticated.class);
        assertThatThrownBy(() -> at(NOW).verify(otherAudience)).isInstanceOf(CallerNotAuthenticated.class);
        assertThatThrownBy(() -> at(NOW).verify(noAudience)).isInstanceOf(CallerNotAuthenticated.class);
    }

    @Test
    void rejectsTokenWithoutKeyId() {
        var token = forged(builder -> builder.header().keyId(null).and());

        assertThatThrownBy(() -> at(NOW).verify(token)).isInstanceOf(CallerNotAuthenticated.class);
    }

    @Test
    void acceptsTokensOfThePreviousKeyUntilTheConfiguredInstantOnly() {
        var before = new TokenService(properties(OLD_SECRET), Clock.fixed(NOW, ZoneOffset.UTC));
        var oldToken = before.issue("user-1").token();
        var acceptedUntil = NOW.plus(Duration.ofHours(2));
        var rotated =
                new AuthProperties(SECRET, Duration.ofHours(24), 4, "vidcut", "vidcut-api", OLD_SECRET, acceptedUntil);

        var soonAfter = new TokenService(rotated, Clock.fixed(NOW.plus(Duration.ofHours(1)), ZoneOffset.UTC));
        var later = new TokenService(rotated, Clock.fixed(acceptedUntil.plusSeconds(1), ZoneOffset.UTC));

        assertThat(soonAfter.verify(oldToken)).isEqualTo("user-1");
        assertThat(soonAfter.verify(soonAfter.issue("user-2").token())).isEqualTo("user-2");
        assertThatThrownBy(() -> later.verify(oldToken)).isInstanceOf(CallerNotAuthenticated.class);
    }

    @Test
    void rejectsTokenSignedWithAnotherKey() {
        var other = new TokenService(properties(OLD_SECRET), Clock.fixed(NOW, ZoneOffset.UTC));
        var token = other.issue("user-1").token();

        assertThatThrownBy(() -> at(NOW).verify(token)).isInstanceOf(CallerNotAuthenticated.class);
    }

    @Test
    void rejectsUnsignedAlgNoneToken() {
        var encoder = Base64.getUrlEncoder().withoutPadding();
        var header = encoder.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        var payload = encoder.encodeToString(("{\"sub\":\"user-1\",\"exp\":" + (NOW.getEpochSecond() + 3600) + "}")
                .getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> at(NOW).verify(header + "." + payload + "."))
                .isInstanceOf(CallerNotAuthenticated.class);
    }

    @Test
    void rejectsTamperedPayload() {
        var token = at(NOW).issue("user-1").token();
        var parts = token.split("\\.");
        var encoder = Base64.getUrlEncoder().withoutPadding();
        var forged = encoder.encodeToString(("{\"sub\":\"user-2\",\"exp\":" + (NOW.getEpochSecond() + 3600) + "}")
                .getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> at(NOW).verify(parts[0] + "." + forged + "." + parts[2]))
                .isInstanceOf(CallerNotAuthenticated.class);
    }

    @Test
    void rejectsGarbage() {
        assertThatThrownBy(() -> at(NOW).verify("not-a-jwt")).isInstanceOf(CallerNotAuthenticated.class);
    }

    @Test
    void rejectsTokenWithoutSubject() {
        var token = forged(builder -> builder.subject(null));

        assertThatThrownBy(() -> at(NOW).verify(token))
                .isInstanceOf(CallerNotAuthenticated.class)
                .hasMessageContaining("subject");
    }

    @Test
    void refusesToStartWithoutSecret() {
        assertThatThrownBy(() -> new TokenService(properties(null), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("vidcut.auth.jwt-secret");
    }

    @Test
    void refusesToStartWithShortSecret() {
        assertThatThrownBy(() -> new TokenService(properties("5b1e9d04c7a23f68e0d4b19a72c56e3"), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void refusesToStartWithThePlaceholdersOfTheExampleFiles() {
        // the value of .env.example and k8s/overlays/example/secrets.env.example
        var example = "change-me-to-a-random-string-of-at-least-32-bytes";

        assertThatThrownBy(() -> new TokenService(properties(example), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("placeholder")
                .hasMessageNotContaining(example);
    }

    @Test
    void refusesToStartWithLowEntropySecrets() {
        for (var guessable : new String[] {
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "0123456789abcdef0123456789abcdef",
            "secret-secret-secret-secret-secret-secret",
            "passwordpassword1passwordpassword2"
        }) {
            assertThatThrownBy(() -> new TokenService(properties(guessable), Clock.systemUTC()))
                    .as(guessable)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("low entropy");
        }
    }
}
