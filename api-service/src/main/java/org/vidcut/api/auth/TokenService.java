package org.vidcut.api.auth;

import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Issues and verifies HS256 JWTs whose subject is the user id. Verification is a signature and expiry check
 * only: the user is not looked up on every request.
 */
@Service
class TokenService {

    static final int MIN_SECRET_BYTES = 32;

    private final SecretKey key;
    private final Duration ttl;
    private final Clock clock;
    private final JwtParser parser;

    @Autowired
    TokenService(AuthProperties properties, ObjectProvider<Clock> clock) {
        this(properties, clock.getIfAvailable(Clock::systemUTC));
    }

    TokenService(AuthProperties properties, Clock clock) {
        this.key = keyFrom(properties.jwtSecret());
        this.ttl = properties.tokenTtl();
        this.clock = clock;
        // Only HS256-signed tokens with our key pass: unsecured (alg=none) tokens are refused by default.
        this.parser = Jwts.parser()
                .verifyWith(key)
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    private static SecretKey keyFrom(String secret) {
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < MIN_SECRET_BYTES) {
            throw new IllegalStateException("vidcut.auth.jwt-secret must be set to a secret of at least "
                    + MIN_SECRET_BYTES + " bytes (HS256 needs a 256-bit key)");
        }
        return Keys.hmacShaKeyFor(secret.getBytes(StandardCharsets.UTF_8));
    }

    IssuedToken issue(String userId) {
        var now = clock.instant();
        var expiresAt = now.plus(ttl);
        var token = Jwts.builder()
                .subject(userId)
                .issuedAt(Date.from(now))
                .expiration(Date.from(expiresAt))
                .id(UUID.randomUUID().toString())
                .signWith(key, Jwts.SIG.HS256)
                .compact();
        return new IssuedToken(token, expiresAt);
    }

    /**
     * @return the user id the token was issued to
     * @throws CallerNotAuthenticated when the token is malformed, expired, unsigned or signed with another key
     */
    String verify(String token) {
        try {
            var subject = parser.parseSignedClaims(token).getPayload().getSubject();
            if (subject == null || subject.isBlank()) {
                throw new CallerNotAuthenticated("the token has no subject");
            }
            return subject;
        } catch (ExpiredJwtException e) {
            throw new CallerNotAuthenticated("the token has expired");
        } catch (JwtException | IllegalArgumentException e) {
            throw new CallerNotAuthenticated("the token is invalid");
        }
    }
}
