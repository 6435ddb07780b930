package org.vidcut.api.auth;

import io.jsonwebtoken.Claims;
import io.jsonwebtoken.ExpiredJwtException;
import io.jsonwebtoken.IncorrectClaimException;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.MissingClaimException;
import io.jsonwebtoken.UnsupportedJwtException;
import io.jsonwebtoken.security.Keys;
import java.security.Key;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Issues and verifies the api's JWTs: HS256 only, with a key id ({@code kid}) so that the key can be rotated (the
 * previous key stays accepted until a configured instant), the configured issuer and audience, and an expiry no
 * further from the issue time than the configured lifetime. Whether the subject still exists is checked by
 * {@link KnownUsers}.
 */
@Service
class TokenService {

    static final String ALGORITHM = "HS256";

    /** Clocks of api replicas differ a little: a token issued by a replica slightly ahead is still accepted. */
    static final Duration ALLOWED_CLOCK_SKEW = Duration.ofSeconds(30);

    private final SecretKey key;
    private final String keyId;
    private final @Nullable SecretKey previousKey;
    private final @Nullable String previousKeyId;
    private final @Nullable Instant previousKeyAcceptedUntil;
    private final AuthProperties properties;
    private final Clock clock;
    private final JwtParser parser;

    @Autowired
    TokenService(AuthProperties properties, ObjectProvider<Clock> clock) {
        this(properties, clock.getIfAvailable(Clock::systemUTC));
    }

    TokenService(AuthProperties properties, Clock clock) {
        var current = SigningSecrets.require("vidcut.auth.jwt-secret", properties.jwtSecret());
        this.key = Keys.hmacShaKeyFor(current);
        this.keyId = keyIdOf(current);
        var previous = properties.previousJwtSecret();
        if (previous != null && !previous.isBlank()) {
            var bytes = SigningSecrets.require("vidcut.auth.previous-jwt-secret", previous);
            this.previousKey = Keys.hmacShaKeyFor(bytes);
            this.previousKeyId = keyIdOf(bytes);
        } else {
            this.previousKey = null;
            this.previousKeyId = null;
        }
        this.previousKeyAcceptedUntil = properties.previousJwtSecretAcceptedUntil();
        this.properties = properties;
        this.clock = clock;
        // Unsecured (alg=none) and encrypted tokens are refused by the parser; the locator refuses other algorithms.
        this.parser = Jwts.parser()
                .keyLocator(new KeyLocator())
                .requireIssuer(properties.issuer())
                .requireAudience(properties.audience())
                .clockSkewSeconds(ALLOWED_CLOCK_SKEW.toSeconds())
                .clock(() -> Date.from(clock.instant()))
                .build();
    }

    IssuedToken issue(String userId) {
        var now = clock.instant();
        var expiresAt = now.plus(properties.tokenTtl());
        var token = Jwts.builder()
                .header()
                .keyId(keyId)
                .and()
                .issuer(properties.issuer())
                .audience()
                .add(properties.audience())
                .and()
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
     * @throws CallerNotAuthenticated when the token is malformed, expired, unsigned, signed with another algorithm
     *     or key, for another issuer or audience, issued in the future or valid for longer than tokens are issued
     */
    String verify(String token) {
        Claims claims;
        try {
            claims = parser.parseSignedClaims(token).getPayload();
        } catch (ExpiredJwtException e) {
            throw new CallerNotAuthenticated("the token has expired");
        } catch (MissingClaimException | IncorrectClaimException e) {
            throw new CallerNotAuthenticated("the token was not issued for this api");
        } catch (JwtException | IllegalArgumentException e) {
            throw new CallerNotAuthenticated("the token is invalid");
        }
        var issuedAt = claims.getIssuedAt();
        var expiration = claims.getExpiration();
        if (issuedAt == null || expiration == null) {
            throw new CallerNotAuthenticated("the token has no issue time or no expiry");
        }
        if (issuedAt.toInstant().isAfter(clock.instant().plus(ALLOWED_CLOCK_SKEW))) {
            throw new CallerNotAuthenticated("the token is issued in the future");
        }
        if (Duration.between(issuedAt.toInstant(), expiration.toInstant()).compareTo(properties.tokenTtl()) > 0) {
            throw new CallerNotAuthenticated("the token is valid for longer than tokens are issued");
        }
        var subject = claims.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new CallerNotAuthenticated("the token has no subject");
        }
        return subject;
    }

    /** A short, stable name of a key that reveals nothing usable about it. */
    static String keyIdOf(byte[] secret) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(secret);
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(digest)
                    .substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }

    /** Picks the key by {@code kid}, and only for HS256: the algorithm is never taken from the token. */
    private final class KeyLocator extends LocatorAdapter<Key> {

        @Override
        protected Key locate(JwsHeader header) {
            if (!ALGORITHM.equals(header.getAlgorithm())) {
                throw new UnsupportedJwtException("only " + ALGORITHM + " tokens are accepted");
            }
            var kid = header.getKeyId();
            if (keyId.equals(kid)) {
                return key;
            }
            if (previousKeyId != null
                    && previousKeyId.equals(kid)
                    && clock.instant().isBefore(previousKeyAcceptedUntil)) {
                return previousKey;
            }
            throw new UnsupportedJwtException("unknown or retired key id");
        }
    }
}
