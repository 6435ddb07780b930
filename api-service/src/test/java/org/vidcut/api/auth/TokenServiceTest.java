package org.vidcut.api.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Date;
import org.junit.jupiter.api.Test;

class TokenServiceTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private static TokenService at(Instant now) {
        return new TokenService(new AuthProperties(SECRET, Duration.ofHours(24), 4), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void verifiesItsOwnTokenAsTheUserId() {
        var issued = at(NOW).issue("user-1");

        assertThat(issued.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(at(NOW.plusSeconds(60)).verify(issued.token())).isEqualTo("user-1");
    }

    @Test
    void putsIssuedAtExpiryAndUniqueIdIntoTheToken() {
        var service = at(NOW);
        var first = service.issue("user-1").token();
        var second = service.issue("user-1").token();

        var claims = Jwts.parser()
                .verifyWith(Keys.hmacShaKeyFor(SECRET.getBytes(StandardCharsets.UTF_8)))
                .clock(() -> Date.from(NOW))
                .build()
                .parseSignedClaims(first)
                .getPayload();
        assertThat(claims.getIssuedAt().toInstant()).isEqualTo(NOW);
        assertThat(claims.getExpiration().toInstant()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(claims.getId()).isNotBlank();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void rejectsExpiredToken() {
        var token = at(NOW).issue("user-1").token();

        assertThatThrownBy(
                        () -> at(NOW.plus(Duration.ofHours(24)).plusSeconds(1)).verify(token))
                .isInstanceOf(CallerNotAuthenticated.class)
                .hasMessageContaining("expired");
    }

    @Test
    void rejectsTokenSignedWithAnotherKey() {
        var other = new TokenService(
                new AuthProperties("another-secret-another-secret-0123456", Duration.ofHours(1), 4),
                Clock.fixed(NOW, ZoneOffset.UTC));
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
        var token = Jwts.builder()
                .expiration(Date.from(NOW.plusSeconds(60)))
                .signWith(Keys.hmacShaKeyFor(SECRET.getBytes(StandardCharsets.UTF_8)), Jwts.SIG.HS256)
                .compact();

        assertThatThrownBy(() -> at(NOW).verify(token))
                .isInstanceOf(CallerNotAuthenticated.class)
                .hasMessageContaining("subject");
    }

    @Test
    void refusesToStartWithoutSecret() {
        assertThatThrownBy(() -> new TokenService(new AuthProperties(null, Duration.ofHours(1), 4), Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("vidcut.auth.jwt-secret");
    }

    @Test
    void refusesToStartWithShortSecret() {
        assertThatThrownBy(() -> new TokenService(
                        new AuthProperties("0123456789abcdef0123456789abcde", Duration.ofHours(1), 4),
                        Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("at least 32 bytes");
    }

    @Test
    void refusesNonPositiveTokenTtl() {
        assertThatThrownBy(() -> new AuthProperties(SECRET, Duration.ZERO, 4))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("token-ttl");
    }
}
