package org.publiclegal.identity;

import at.favre.lib.crypto.bcrypt.BCrypt;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.identity.Tokens.Issued;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.audit.AuditTrail;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.observability.OperationalMetrics;
import org.publiclegal.shared.problem.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Sign-in, refresh and sign-out.
 * <p>
 * Where a request fails but something must still be recorded (a failed password attempt, a replayed
 * refresh token revoking its family), the transaction commits first and the failure is raised after it,
 * so the 401 never rolls back the record that caused it.
 */
@ApplicationScoped
public class AuthService {


    private final WeChatGateway wechat;
    private final AccountRepository accounts;
    private final StaffCredentialRepository credentials;
    private final Tokens tokens;
    private final AuditTrail audit;
    private final AppConfig config;
    private final Clock clock;
    private final Vertx vertx;
    private final OperationalMetrics metrics;
    /** A hash of a random password, checked when the username is unknown so response time does not tell. */
    private final String dummyHash;

    public AuthService(WeChatGateway wechat, AccountRepository accounts, StaffCredentialRepository credentials,
                       Tokens tokens, AuditTrail audit, AppConfig config, Clock clock, Vertx vertx,
                       OperationalMetrics metrics) {
        this.wechat = wechat;
        this.accounts = accounts;
        this.credentials = credentials;
        this.tokens = tokens;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
        this.vertx = vertx;
        this.metrics = metrics;
        this.dummyHash = hashPassword(UUID.randomUUID().toString(), config.auth().bcryptCost());
    }

    /** Signs a resident in with a {@code wx.login} code; the first sign-in creates the account. */
    public Uni<Issued> signInWithWeChat(String code, Actor actor) {
        return wechat.exchange(code).chain(identity -> Panache.withTransaction(() ->
                accounts.findByOpenid(identity.openid()).chain(existing -> {
                    Instant now = clock.instant();
                    if (existing == null) {
                        Account created = Account.resident(identity.openid(), identity.unionid(), now);
                        created.lastLoginAt = now;
                        return accounts.persist(created)
                                .call(a -> audit.record(new Actor(a.id, a.roles, actor.clientIp()),
                                        "RESIDENT_REGISTERED", "account", a.id, null, "wechat"));
                    }
                    if (!existing.active) {
                        throw DomainException.forbidden("该账号已停用，请联系当地司法所");
                    }
                    String unionid = identity.unionid() == null || identity.unionid().isBlank() ? null : identity.unionid();
                    return signedIn(existing.id, now, unionid).replaceWith(existing);
                }).chain(tokens::issue)));
    }

    /** Signs a staff member in; too many wrong passwords lock the account for a while. */
    public Uni<Issued> signInStaff(String username, String password, Actor actor) {
        return credentials.findByUsername(username).chain(credential -> {
            Instant now = clock.instant();
            String hash = credential == null ? dummyHash : credential.passwordHash;
            return verify(password, hash).chain(matches -> {
                if (credential == null) {
                    metrics.signInFailed();
                    return Uni.createFrom().failure(badCredentials());
                }
                if (credential.isLocked(now)) {
                    metrics.signInRefusedLocked();
                    return Uni.createFrom().failure(locked(credential, matches, now));
                }
                if (matches && credential.passwordChangeRequired) {
                    return Uni.createFrom().failure(new DomainException(ErrorCode.PASSWORD_CHANGE_REQUIRED,
                            "该账号使用的是初始密码，请先通过 POST /api/auth/password 修改密码后再登录"));
                }
                return matches ? succeed(credential.accountId, actor) : fail(credential.accountId, actor);
            });
        });
    }

    /**
     * Changes a staff password, given the current one (the only way past an initial password that must be
     * changed). Wrong current passwords count towards the lockout like failed sign-ins; every refresh token of
     * the account is revoked, so sessions opened with the old password end.
     */
    public Uni<Void> changePassword(String username, String currentPassword, String newPassword, Actor actor) {
        return credentials.findByUsername(username).chain(credential -> {
            Instant now = clock.instant();
            String hash = credential == null ? dummyHash : credential.passwordHash;
            return verify(currentPassword, hash).chain(matches -> {
                if (credential == null) {
                    return Uni.createFrom().failure(badCredentials());
                }
                if (credential.isLocked(now)) {
                    return Uni.createFrom().failure(locked(credential, matches, now));
                }
                if (!matches) {
                    return fail(credential.accountId, actor).replaceWithVoid();
                }
                if (newPassword.equals(currentPassword)) {
                    throw DomainException.invalidField("newPassword", "新密码不能与原密码相同");
                }
                return vertx.executeBlocking(Uni.createFrom().item(() -> hashPassword(newPassword, config.auth().bcryptCost())))
                        .chain(newHash -> Panache.withTransaction(() -> accounts.findById(credential.accountId)
                                .chain(account -> {
                                    if (account == null || !account.active) {
                                        throw badCredentials();
                                    }
                                    return credentials.changePassword(account.id, newHash, clock.instant())
                                            .chain(n -> Panache.getSession().chain(s -> s.createMutationQuery(
                                                            "update RefreshToken set revokedAt = :now, version = version + 1 "
                                                                    + "where accountId = :id and revokedAt is null")
                                                    .setParameter("now", clock.instant()).setParameter("id", account.id)
                                                    .executeUpdate()))
                                            .chain(n -> audit.record(new Actor(account.id, account.roles, actor.clientIp()),
                                                    "STAFF_PASSWORD_CHANGED", "account", account.id, account.regionCode,
                                                    credential.passwordChangeRequired ? "initial password replaced" : null));
                                })));
            });
        });
    }

    /**
     * Notes a sign-in (and a newly learnt WeChat unionid) by a plain update, not as a change of the versioned account:
     * two devices signing in to one account at the same moment must both succeed, not one lose on the version.
     */
    private static Uni<Integer> signedIn(UUID accountId, Instant now, String unionid) {
        return Panache.getSession().chain(s -> s.createMutationQuery(
                        "update Account set lastLoginAt = :now, wechatUnionid = coalesce(:unionid, wechatUnionid) where id = :id")
                .setParameter("now", now).setParameter("unionid", unionid).setParameter("id", accountId).executeUpdate());
    }

    /** Only someone who knows the password learns of the lock: guessers cannot tell it from a miss. */
    private static DomainException locked(StaffCredential credential, boolean matches, Instant now) {
        if (!matches) {
            return badCredentials();
        }
        long minutes = Math.max(1, Duration.between(now, credential.lockedUntil).toMinutes() + 1);
        return new DomainException(ErrorCode.ACCOUNT_LOCKED,
                "密码错误次数过多，账号已锁定，请 " + minutes + " 分钟后再试或联系管理员解锁");
    }

    private Uni<Issued> succeed(UUID accountId, Actor actor) {
        return Panache.withTransaction(() -> accounts.findById(accountId).chain(account -> {
            if (account == null || !account.active) {
                throw badCredentials();
            }
            return signedIn(accountId, clock.instant(), null)
                    .chain(n -> credentials.clearFailures(accountId))
                    .chain(n -> audit.record(new Actor(accountId, account.roles, actor.clientIp()),
                            "STAFF_SIGNED_IN", "account", accountId, account.regionCode, null))
                    .chain(v -> tokens.issue(account));
        }));
    }

    private Uni<Issued> fail(UUID accountId, Actor actor) {
        Instant lockUntil = clock.instant().plus(config.auth().lockoutDuration());
        return Panache.withTransaction(() -> credentials.recordFailure(accountId, config.auth().maxFailedAttempts(),
                        clock.instant(), lockUntil)
                        // read the counter back as values: the session may hold the credential from before the update
                        .chain(n -> Panache.getSession().chain(s -> s.createSelectionQuery(
                                        "select failedAttempts, lockedUntil from StaffCredential where accountId = :id",
                                        Object[].class).setParameter("id", accountId).getSingleResult()))
                        .call(row -> audit.record(new Actor(null, null, actor.clientIp()),
                                row[1] != null && ((Instant) row[1]).isAfter(clock.instant())
                                        ? "STAFF_LOCKED_OUT" : "STAFF_SIGN_IN_FAILED",
                                "account", accountId, null, "failed attempts: " + row[0]))
                        .invoke(row -> {
                            metrics.signInFailed();
                            if (row[1] != null && ((Instant) row[1]).isAfter(clock.instant())) {
                                metrics.lockedOut();
                            }
                        }))
                .chain(c -> Uni.createFrom().failure(badCredentials()));
    }

    /** Runs bcrypt on a worker thread; the result comes back on the caller's event loop. */
    private Uni<Boolean> verify(String password, String hash) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> BCrypt.verifyer()
                .verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified));
    }

    /** Rotates a refresh token. A rotated or revoked token presented again revokes its whole family. */
    public Uni<Issued> refresh(String presented) {
        byte[] hash = Tokens.hash(presented);
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createQuery(
                        "from RefreshToken where tokenHash = :h", RefreshToken.class)
                .setParameter("h", hash).getSingleResultOrNull()
                .chain(token -> {
                    Instant now = clock.instant();
                    if (token == null || token.expiresAt.isBefore(now)) {
                        return Uni.createFrom().item(Result.failed(Tokens.RefreshFailure.INVALID));
                    }
                    if (token.rotatedAt != null || token.revokedAt != null) {
                        return revokeFamily(token.familyId, now)
                                .invoke(n -> Log.warnf("Refresh token reuse detected; family %s revoked", token.familyId))
                                .chain(n -> audit.record(new Actor(token.accountId, null, null),
                                        "REFRESH_TOKEN_REUSED", "account", token.accountId, null,
                                        "family " + token.familyId + " revoked"))
                                .replaceWith(Result.failed(Tokens.RefreshFailure.REUSED));
                    }
                    // Claim the token atomically: of two concurrent refreshes only one rotates it.
                    return s.createMutationQuery("update RefreshToken set rotatedAt = :now, version = version + 1 "
                                    + "where id = :id and rotatedAt is null and revokedAt is null")
                            .setParameter("now", now).setParameter("id", token.id).executeUpdate()
                            .chain(claimed -> claimed == 1
                                    ? accounts.findById(token.accountId).chain(account -> account == null || !account.active
                                    ? Uni.createFrom().item(Result.failed(Tokens.RefreshFailure.INVALID))
                                    : tokens.issueInFamily(account, token.familyId).map(Result::ok))
                                    : revokeFamily(token.familyId, now).replaceWith(Result.failed(Tokens.RefreshFailure.REUSED)));
                })))
                .map(Result::orThrow);
    }

    /** Signs out: the presented refresh token's family can no longer be used. Unknown tokens are ignored. */
    public Uni<Void> signOut(String presented) {
        byte[] hash = Tokens.hash(presented);
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createQuery(
                        "from RefreshToken where tokenHash = :h", RefreshToken.class)
                .setParameter("h", hash).getSingleResultOrNull()
                .chain(token -> token == null ? Uni.createFrom().voidItem()
                        : revokeFamily(token.familyId, clock.instant()).replaceWithVoid())));
    }

    private Uni<Integer> revokeFamily(UUID familyId, Instant now) {
        return Panache.getSession().chain(s -> s.createMutationQuery(
                        "update RefreshToken set revokedAt = :now, version = version + 1 "
                                + "where familyId = :family and revokedAt is null")
                .setParameter("now", now).setParameter("family", familyId).executeUpdate());
    }

    private static DomainException badCredentials() {
        return new DomainException(ErrorCode.BAD_CREDENTIALS, "用户名或密码错误");
    }

    /** Hashes a new staff password. */
    public static String hashPassword(String password, int cost) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    private record Result(Issued issued, Tokens.RefreshFailure failure) {
        static Result ok(Issued issued) {
            return new Result(issued, null);
        }

        static Result failed(Tokens.RefreshFailure failure) {
            return new Result(null, failure);
        }

        Issued orThrow() {
            if (failure == Tokens.RefreshFailure.REUSED) {
                throw new DomainException(ErrorCode.INVALID_REFRESH_TOKEN,
                        "该刷新令牌已使用过，为安全起见本次登录已全部注销，请重新登录");
            }
            if (failure != null) {
                throw new DomainException(ErrorCode.INVALID_REFRESH_TOKEN, "刷新令牌无效或已过期，请重新登录");
            }
            return issued;
        }
    }
}
