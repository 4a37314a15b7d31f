package org.publiclegal.shared.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.publiclegal.shared.config.AppConfig;

import javax.crypto.SecretKey;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The parser that verifies every bearer token ({@code MpJwtValidator} asks it), in front of SmallRye's
 * {@link DefaultJWTParser}: a token is verified once (RS256 signature, issuer, audience, expiry, and the
 * {@link TokenTimes} rules) and then remembered, keyed by the SHA-256 of the token, until it expires. A phone sends
 * the same access token with every request for its whole lifetime (15 minutes by default), so most requests skip
 * the signature check.
 * <p>
 * Revocation is unchanged: access tokens are never revoked (sign-out and refresh rotation revoke refresh tokens,
 * which are checked in the database on every use), so remembering a verified access token until its {@code exp}
 * accepts exactly what verifying it again would. A remembered token is dropped at its expiry and then goes through
 * the full verification again, which refuses it. At most {@link #MAX_ENTRIES} tokens are remembered; when full,
 * expired ones are dropped and, if none has expired, a new token is verified without being remembered.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokenCache implements JWTParser {

    static final int MAX_ENTRIES = 10_000;

    private record Verified(JsonWebToken token, Instant expiresAt) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final DefaultJWTParser verifier;
    private final AppConfig config;
    private final Clock clock;

    public VerifiedTokenCache(DefaultJWTParser verifier, AppConfig config, Clock clock) {
        this.verifier = verifier;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        String key = sha256(token);
        // the library checks exp against the system clock, so expiry of what is remembered does too
        Instant now = Instant.now();
        Verified hit = verified.get(key);
        if (hit != null && now.isBefore(hit.expiresAt())) {
            return hit.token();
        }
        if (hit != null) {
            verified.remove(key);
        }
        JsonWebToken jwt = verifier.parse(token);
        Instant issuedAt = jwt.getIssuedAtTime() == 0 ? null : Instant.ofEpochSecond(jwt.getIssuedAtTime());
        Instant expiresAt = jwt.getExpirationTime() == 0 ? null : Instant.ofEpochSecond(jwt.getExpirationTime());
        // iat is written from the service's Clock (Tokens) while the library checks exp on the system clock; they are
        // one clock in production, and the later of the two keeps a token issued by either side acceptable in tests
        Instant latest = clock.instant().isAfter(now) ? clock.instant() : now;
        String violation = TokenTimes.violation(issuedAt, expiresAt, latest, config.auth().accessTokenTtl());
        if (violation != null) {
            throw new ParseException(violation);
        }
        remember(key, new Verified(jwt, expiresAt));
        return jwt;
    }

    private void remember(String key, Verified v) {
        if (verified.size() >= MAX_ENTRIES) {
            Instant now = Instant.now();
            verified.values().removeIf(e -> !now.isBefore(e.expiresAt()));
        }
        if (verified.size() < MAX_ENTRIES) {
            verified.put(key, v);
        }
    }

    /** How many verified tokens are remembered (for tests). */
    int size() {
        return verified.size();
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // the other ways to parse are not used for bearer tokens: passed through unchanged

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
