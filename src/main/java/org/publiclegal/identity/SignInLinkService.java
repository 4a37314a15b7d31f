package org.publiclegal.identity;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.audit.AuditTrail;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.problem.ErrorCode;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * 一次性登录链接: the alternative to a first password when staff accounts are imported. The importer receives each
 * token once (at the import's confirm); PostgreSQL keeps only its SHA-256 with the username, the expiry
 * ({@code app.auth.sign-in-link-ttl}, 7 days) and when it was used, so any replica accepts it and it works once.
 * With it the staff member sets their own password ({@code POST /api/auth/sign-in-link}); audited.
 */
@ApplicationScoped
public class SignInLinkService {

    private final StaffCredentialRepository credentials;
    private final AccountRepository accounts;
    private final AuditTrail audit;
    private final AppConfig config;
    private final Clock clock;
    private final Vertx vertx;
    private final SecureRandom random = new SecureRandom();

    public SignInLinkService(StaffCredentialRepository credentials, AccountRepository accounts, AuditTrail audit,
                             AppConfig config, Clock clock, Vertx vertx) {
        this.credentials = credentials;
        this.accounts = accounts;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.vertx = vertx;
    }

    /** A link wanted for the account {@code username} that row {@code rowNo} of import {@code importId} creates. */
    public record Wanted(String username, UUID importId, int rowNo) {
    }

    /** A link as handed to the importer, once: the token itself is kept nowhere. */
    public record Issued(String username, int rowNo, String token, Instant expiresAt) {
    }

    /**
     * Issues one link per wanted account in the caller's transaction, replacing the unused links an earlier confirm
     * of the same import gave for the same username.
     */
    public Uni<List<Issued>> issue(List<Wanted> wanted, Actor actor) {
        Instant now = clock.instant();
        Instant expires = now.plus(config.auth().signInLinkTtl());
        List<Issued> out = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Wanted w : wanted) {
            String token = SignInLinkToken.newToken(random);
            out.add(new Issued(w.username(), w.rowNo(), token, expires));
            chain = chain.chain(() -> Panache.getSession().chain(s -> s.createNativeQuery("""
                            delete from staff_sign_in_link where import_id = :import and username = :username
                            and used_at is null""")
                    .setParameter("import", w.importId()).setParameter("username", w.username()).executeUpdate()
                    .chain(() -> s.createNativeQuery("""
                                    insert into staff_sign_in_link (token_hash, username, import_id, row_no, expires_at,
                                        created_at, created_by)
                                    values (:hash, :username, :import, :row, :expires, :now, :by)""")
                            .setParameter("hash", SignInLinkToken.hash(token)).setParameter("username", w.username())
                            .setParameter("import", w.importId()).setParameter("row", w.rowNo())
                            .setParameter("expires", utc(expires)).setParameter("now", utc(now))
                            .setParameter("by", actor.accountId()).executeUpdate())).replaceWithVoid());
        }
        return chain.replaceWith(out);
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static DomainException unknown() {
        return new DomainException(ErrorCode.SIGN_IN_LINK_UNKNOWN, "登录链接无效，请向导入人员索取新的链接");
    }

    /** Where a presented token stands, and whose account it is for. */
    private record Found(String username, SignInLinkToken.Standing standing) {
    }

    private Uni<Found> find(String hash, boolean lock, Instant now) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select username, expires_at, used_at from staff_sign_in_link where token_hash = :h"
                                + (lock ? " for update" : ""), Object[].class)
                .setParameter("h", hash).getResultList())
                .map(rows -> {
                    if (rows.isEmpty()) {
                        throw unknown();
                    }
                    Object[] r = rows.get(0);
                    return new Found((String) r[0], SignInLinkToken.standing(instant(r[1]), r[2] == null ? null
                            : instant(r[2]), now));
                });
    }

    private static Instant instant(Object o) {
        return o instanceof OffsetDateTime t ? t.toInstant() : (Instant) o;
    }

    private static void requireValid(Found f) {
        switch (f.standing()) {
            case USED -> throw new DomainException(ErrorCode.SIGN_IN_LINK_USED,
                    "该登录链接已使用过，每个链接只能使用一次；如需重设密码请联系管理员");
            case EXPIRED -> throw new DomainException(ErrorCode.SIGN_IN_LINK_EXPIRED,
                    "该登录链接已过期，请向导入人员索取新的链接");
            default -> {
            }
        }
    }

    /**
     * 设置密码: the link's staff member sets their password (then signs in with it). The token is checked before any
     * bcrypt work, then claimed under a row lock in the transaction that stores the password, so of two uses only
     * one succeeds. Revokes the account's refresh tokens; audited {@code STAFF_PASSWORD_SET_BY_LINK}.
     */
    public Uni<Void> redeem(String token, String newPassword, Actor actor) {
        if (token == null || !SignInLinkToken.FORMAT.matcher(token).matches()) {
            throw unknown();
        }
        String hash = SignInLinkToken.hash(token);
        return Panache.withSession(() -> find(hash, false, clock.instant())).invoke(SignInLinkService::requireValid)
                .chain(f -> vertx.executeBlocking(Uni.createFrom().item(() ->
                        AuthService.hashPassword(newPassword, config.auth().bcryptCost()))))
                .chain(newHash -> Panache.withTransaction(() -> {
                    Instant now = clock.instant();
                    return find(hash, true, now).invoke(SignInLinkService::requireValid)
                            .chain(f -> credentials.findByUsername(f.username()))
                            .chain(c -> {
                                if (c == null) {
                                    throw DomainException.conflict("账号尚未创建（导入尚未完成），请稍后再试");
                                }
                                return accounts.findById(c.accountId);
                            })
                            .chain(account -> {
                                if (account == null || !account.active) {
                                    throw DomainException.forbidden("该账号已停用");
                                }
                                return Panache.getSession().chain(s -> s.createNativeQuery(
                                                "update staff_sign_in_link set used_at = :now where token_hash = :h")
                                        .setParameter("now", utc(now)).setParameter("h", hash).executeUpdate())
                                        .chain(() -> credentials.changePassword(account.id, newHash, now))
                                        .chain(() -> Panache.getSession().chain(s -> s.createMutationQuery(
                                                        "update RefreshToken set revokedAt = :now, version = version + 1 "
                                                                + "where accountId = :id and revokedAt is null")
                                                .setParameter("now", now).setParameter("id", account.id).executeUpdate()))
                                        .chain(() -> audit.record(new Actor(account.id, account.roles, actor.clientIp()),
                                                "STAFF_PASSWORD_SET_BY_LINK", "account", account.id, account.regionCode,
                                                "one-time sign-in link"))
                                        .invoke(() -> Log.infof("Password of account %s set with a sign-in link", account.id));
                            });
                }));
    }
}
