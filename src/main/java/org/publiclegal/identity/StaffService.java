package org.publiclegal.identity;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.region.Organisation;
import org.publiclegal.region.OrganisationService;
import org.publiclegal.region.RegisterHistory;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.audit.AuditTrail;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.persistence.Cursor;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.security.Roles;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Staff accounts: created by administrators inside their scope, listed by region. */
@ApplicationScoped
public class StaffService {

    private final AccountRepository accounts;
    private final StaffCredentialRepository credentials;
    private final OrganisationService directory;
    private final AuditTrail audit;
    private final RegisterHistory history;
    private final AppConfig config;
    private final Clock clock;
    private final Vertx vertx;
    private final StaffContact contact;

    public StaffService(AccountRepository accounts, StaffCredentialRepository credentials,
                        OrganisationService directory, AuditTrail audit, RegisterHistory history, AppConfig config,
                        Clock clock, Vertx vertx, StaffContact contact) {
        this.contact = contact;
        this.accounts = accounts;
        this.credentials = credentials;
        this.directory = directory;
        this.audit = audit;
        this.history = history;
        this.config = config;
        this.clock = clock;
        this.vertx = vertx;
    }

    /** A staff account with its sign-in name, organisation and mobile masked ({@code 138****5678}, or null). */
    public record StaffMember(Account account, String username, Organisation organisation, String maskedMobile) {
    }

    private StaffMember member(Account a, String username, Organisation org) {
        return new StaffMember(a, username, org, contact.maskedMobile(a));
    }

    /**
     * Opens a staff account; {@code mobile} (optional) is validated as an import's ({@link MobileNumbers}) and sealed
     * on the account ({@link StaffContact}).
     */
    @WithTransaction
    public Uni<StaffMember> create(String username, String password, String displayName, UUID organisationId,
                                   Set<String> roles, String mobile, AccessScope scope, Actor actor) {
        String digits = mobile == null || mobile.isBlank() ? null : validMobile(mobile);
        return create(username, () -> hash(password), false, displayName, organisationId, roles, digits, scope, actor);
    }

    private static String validMobile(String entered) {
        String digits = MobileNumbers.normalise(entered);
        if (digits == null) {
            throw DomainException.invalidField("mobile", MobileNumbers.INVALID);
        }
        return digits;
    }

    /** 更改工作人员手机号: staff account {@code id}'s mobile becomes {@code mobile} (null or blank: none). */
    public record ChangeMobile(UUID id, String mobile) {
    }

    /**
     * Changes (or clears) a staff member's sealed mobile, for an account inside the caller's area (404 otherwise, as
     * the audited read answers). Audited ({@code STAFF_MOBILE_CHANGED}, without the number); answers the account
     * with the mobile masked.
     */
    @WithTransaction
    public Uni<StaffMember> changeMobile(ChangeMobile command, AccessScope scope, Actor actor) {
        String digits = command.mobile() == null || command.mobile().isBlank() ? null : validMobile(command.mobile());
        return accounts.findById(command.id()).chain(a -> {
            if (a == null || a.kind != AccountKind.STAFF || !scope.covers(a.regionCode)) {
                throw new NotFound("工作人员", command.id());
            }
            contact.sealMobile(a, digits);
            return accounts.persistAndFlush(a)
                    .call(x -> audit.record(actor, "STAFF_MOBILE_CHANGED", "account", a.id, a.regionCode,
                            digits == null ? "cleared" : "set"))
                    .chain(x -> credentials.findById(a.id))
                    .map(c -> member(a, c == null ? null : c.username, null));
        });
    }

    /**
     * Creates a staff account whose first password (初始密码) was set by someone else, e.g. an importer: given as its
     * bcrypt hash ({@link #hashInitialPassword}), it must be changed at the first sign-in (the password-change-required
     * mechanism of the bootstrap administrator). Same checks as {@link #create}.
     */
    @WithTransaction
    public Uni<StaffMember> createWithInitialPassword(String username, String initialPasswordHash, String displayName,
                                                      UUID organisationId, Set<String> roles, String mobile,
                                                      AccessScope scope, Actor actor) {
        return create(username, () -> Uni.createFrom().item(initialPasswordHash), true, displayName, organisationId,
                roles, mobile, scope, actor);
    }

    /** The bcrypt hash of an initial password, computed off the event loop at the configured cost. */
    public Uni<String> hashInitialPassword(String password) {
        return hash(password);
    }

    private Uni<StaffMember> create(String username, java.util.function.Supplier<Uni<String>> passwordHash,
                                    boolean changeRequired, String displayName, UUID organisationId,
                                    Set<String> roles, String mobile, AccessScope scope, Actor actor) {
        if (roles.contains(Roles.SYSTEM_ADMIN) && !scope.isSystemAdmin()) {
            throw DomainException.forbidden("只有系统管理员可以设立系统管理员");
        }
        return directory.get(organisationId).chain(org -> {
            if (!scope.covers(org.regionCode)) {
                throw new NotFound("机构", organisationId);
            }
            String misfit = StaffRolePolicy.misfit(roles, org.type);
            if (misfit != null) {
                throw DomainException.invalidField("roles", "角色 " + misfit + " 不适用于" + org.type + "类机构");
            }
            return credentials.findByUsername(username).chain(taken -> {
                if (taken != null) {
                    throw DomainException.conflict("用户名 " + username + " 已被使用");
                }
                return passwordHash.get();
            }).chain(hash -> {
                Account account = Account.staff(displayName, roles, org.id, org.regionCode, clock.instant());
                contact.sealMobile(account, mobile);
                StaffCredential c = new StaffCredential();
                c.accountId = account.id;
                c.username = username;
                c.passwordHash = hash;
                c.changedAt = clock.instant();
                c.passwordChangeRequired = changeRequired;
                return accounts.persist(account).chain(a -> credentials.persist(c))
                        .call(x -> audit.record(actor, "STAFF_CREATED", "account", account.id, org.regionCode,
                                username + " " + String.join(",", roles)))
                        .replaceWith(() -> member(account, username, org));
            });
        });
    }

    /** What other features may know of a staff member. */
    public record StaffRef(UUID id, String displayName, Set<String> roles, UUID organisationId, String regionCode,
                           boolean active) {
    }

    /** A staff member by id, or null. */
    public Uni<StaffRef> find(UUID accountId) {
        return accounts.findById(accountId).map(a -> a == null || a.kind != AccountKind.STAFF ? null
                : new StaffRef(a.id, a.displayName, a.roleSet(), a.organisationId, a.regionCode, a.active));
    }

    /** Staff members by id, in one query ({@link #find} for many); unknown ids and residents are absent. */
    public Uni<Map<UUID, StaffRef>> findAll(java.util.Collection<UUID> accountIds) {
        if (accountIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return accounts.list("id in ?1", Set.copyOf(accountIds)).map(list -> {
            Map<UUID, StaffRef> byId = new HashMap<>();
            list.stream().filter(a -> a.kind == AccountKind.STAFF).forEach(a -> byId.put(a.id,
                    new StaffRef(a.id, a.displayName, a.roleSet(), a.organisationId, a.regionCode, a.active)));
            return byId;
        });
    }

    /** Active staff of an organisation holding {@code role} (e.g. a committee's mediators). */
    public Uni<java.util.List<StaffRef>> members(UUID organisationId, String role) {
        return accounts.list("kind = ?1 and organisationId = ?2 and active = true order by displayName, id",
                        AccountKind.STAFF, organisationId)
                .map(list -> list.stream().filter(a -> a.roleSet().contains(role))
                        .map(a -> new StaffRef(a.id, a.displayName, a.roleSet(), a.organisationId, a.regionCode, a.active))
                        .toList());
    }

    /** 停用工作人员账号: deactivate staff account {@code id} from day {@code on}, with a reason. */
    public record Deactivate(UUID id, java.time.LocalDate on, String reason) {
    }

    /**
     * Deactivates a staff account inside the caller's scope (403 outside it, 404 unknown, 409 already
     * deactivated): it can no longer sign in or refresh, and registers stop counting it from {@code on}. Audited.
     */
    @WithTransaction
    public Uni<StaffMember> deactivate(Deactivate command, AccessScope scope, Actor actor) {
        return accounts.findById(command.id()).chain(a -> {
            if (a == null || a.kind != AccountKind.STAFF) {
                throw new NotFound("工作人员", command.id());
            }
            if (!scope.covers(a.regionCode)) {
                throw DomainException.forbidden("只能停用本单位管辖范围内的工作人员");
            }
            a.deactivate(command.on(), command.reason());
            return accounts.persistAndFlush(a)
                    .call(x -> audit.record(actor, "STAFF_DEACTIVATED", "account", a.id, a.regionCode,
                            command.on() + " " + command.reason()))
                    .chain(x -> credentials.findById(a.id))
                    .map(c -> member(a, c == null ? null : c.username, null));
        });
    }

    /** 重新启用工作人员账号: account {@code id} serves again from day {@code on}. */
    public record Reactivate(UUID id, java.time.LocalDate on, String reason) {
    }

    /**
     * Reactivates a deactivated staff account inside the caller's scope (403 outside it, 404 unknown, 409 serving,
     * 400 before its deactivation day): it can sign in again and serves from {@code on} in a new span, the old one
     * kept. Audited.
     */
    @WithTransaction
    public Uni<StaffMember> reactivate(Reactivate command, AccessScope scope, Actor actor) {
        return accounts.findById(command.id()).chain(a -> {
            if (a == null || a.kind != AccountKind.STAFF) {
                throw new NotFound("工作人员", command.id());
            }
            if (!scope.covers(a.regionCode)) {
                throw DomainException.forbidden("只能重新启用本单位管辖范围内的工作人员");
            }
            org.publiclegal.shared.domain.Reactivation r = a.reactivate(command.on());
            return history.keep(RegisterHistory.Register.ACCOUNT, a.id, r)
                    .chain(() -> accounts.persistAndFlush(a))
                    .call(x -> audit.record(actor, "STAFF_REACTIVATED", "account", a.id, a.regionCode,
                            command.on() + " " + command.reason()))
                    .chain(x -> credentials.findById(a.id))
                    .map(c -> member(a, c == null ? null : c.username, null));
        });
    }

    /** A staff member's contact details in the clear. */
    public record Contact(UUID accountId, String displayName, String mobile) {
    }

    /**
     * 查看工作人员手机号: the mobile in the clear, for staff whose area holds the account (404 otherwise, never 403), with
     * the reason; each read is audited ({@code STAFF_PERSONAL_DATA_READ}), as a resident's unmasked details are.
     */
    @WithTransaction
    public Uni<Contact> unmaskedContact(UUID accountId, String reason, AccessScope scope, Actor actor) {
        return accounts.findById(accountId).chain(a -> {
            if (a == null || a.kind != AccountKind.STAFF || !scope.covers(a.regionCode)) {
                throw new NotFound("工作人员", accountId);
            }
            return audit.record(actor, "STAFF_PERSONAL_DATA_READ", "account", a.id, a.regionCode, "reason: " + reason)
                    .map(x -> new Contact(a.id, a.displayName, contact.openMobile(a.id, a.mobileCipher, a.mobileKeyId)));
        });
    }

    /** Lifts a lockout (an administrator confirmed the staff member's identity). */
    @WithTransaction
    public Uni<Void> unlock(UUID accountId, AccessScope scope, Actor actor) {
        return accounts.findById(accountId).chain(a -> {
            if (a == null || a.kind != AccountKind.STAFF || !scope.covers(a.regionCode)) {
                throw new NotFound("工作人员", accountId);
            }
            return credentials.clearFailures(accountId)
                    .chain(n -> audit.record(actor, "STAFF_UNLOCKED", "account", accountId, a.regionCode, null));
        });
    }

    /** Staff of the organisations in the caller's scope, by region then id. */
    public Uni<CursorPage<StaffMember>> list(AccessScope scope, UUID organisationId, String role, String cursor,
                                             int limit) {
        List<String> after = Cursor.decode(cursor, 2);
        AccessScope.Filter filter = scope.filter(null, "a.regionCode");
        StringBuilder q = new StringBuilder("select a, c.username from Account a left join StaffCredential c "
                + "on c.accountId = a.id where a.kind = 'STAFF' and ").append(filter.predicate());
        Map<String, Object> params = new HashMap<>(filter.parameters());
        if (organisationId != null) {
            q.append(" and a.organisationId = :org");
            params.put("org", organisationId);
        }
        if (role != null) {
            q.append(" and concat(',', a.roles, ',') like :role");
            params.put("role", "%," + role + ",%");
        }
        if (!after.isEmpty()) {
            q.append(" and (a.regionCode > :ar or (a.regionCode = :ar and a.id > :aid))");
            params.put("ar", after.get(0));
            try {
                params.put("aid", UUID.fromString(after.get(1)));
            } catch (IllegalArgumentException e) {
                throw Cursor.invalid();
            }
        }
        return accounts.staffPage(q + " order by a.regionCode, a.id", params, limit).map(rows -> CursorPage.of(rows, limit,
                r -> Cursor.encode(((Account) r[0]).regionCode, ((Account) r[0]).id),
                r -> member((Account) r[0], (String) r[1], null)));
    }

    private Uni<String> hash(String password) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> AuthService.hashPassword(password,
                config.auth().bcryptCost())));
    }
}
