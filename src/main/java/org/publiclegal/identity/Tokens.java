package org.publiclegal.identity;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.security.CurrentUser;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Issues the short-lived signed access token and the opaque refresh token of a sign-in, and rotates
 * refresh tokens. Callers run these inside their transaction.
 */
@ApplicationScoped
public class Tokens {

    private final AppConfig config;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public Tokens(AppConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** An access token, a refresh token, and when the access token expires. */
    public record Issued(String accessToken, String refreshToken, Instant accessTokenExpiresAt, Account account) {
    }

    /** Outcome of presenting a refresh token. */
    public enum RefreshFailure {
        /** Unknown or expired. */
        INVALID,
        /** Already rotated or revoked: the family is now revoked. */
        REUSED
    }

    /** Starts a new token family for a sign-in. */
    public Uni<Issued> issue(Account account) {
        return issueInFamily(account, UUID.randomUUID());
    }

    Uni<Issued> issueInFamily(Account account, UUID familyId) {
        Instant now = clock.instant();
        Instant accessExpiry = now.plus(config.auth().accessTokenTtl());
        var builder = Jwt.subject(account.id.toString())
                .upn(account.id.toString())
                .groups(account.roleSet())
                .claim(CurrentUser.CLAIM_KIND, account.kind.name())
                .issuedAt(now)
                .expiresAt(accessExpiry);
        if (account.organisationId != null) {
            builder.claim(CurrentUser.CLAIM_ORGANISATION, account.organisationId.toString());
        }
        if (account.kind == AccountKind.STAFF && account.regionCode != null) {
            builder.claim(CurrentUser.CLAIM_REGION, account.regionCode);
        }
        String access = builder.sign();
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        RefreshToken stored = new RefreshToken();
        stored.id = UUID.randomUUID();
        stored.accountId = account.id;
        stored.familyId = familyId;
        stored.tokenHash = hash(refresh);
        stored.issuedAt = now;
        stored.expiresAt = now.plus(config.auth().refreshTokenTtl());
        return Panache.getSession().chain(s -> s.persist(stored))
                .replaceWith(new Issued(access, refresh, accessExpiry, account));
    }

    /** SHA-256 of a presented refresh token, as stored. */
    public static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
