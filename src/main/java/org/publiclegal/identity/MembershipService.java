package org.publiclegal.identity;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.exception.ConstraintViolationException;
import org.publiclegal.region.Organisation;
import org.publiclegal.region.OrganisationService;
import org.publiclegal.region.OrganisationType;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.audit.AuditTrail;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.persistence.Cursor;
import org.publiclegal.shared.persistence.CursorPage;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.security.Roles;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * 调委会成员: which 人民调解委员会 a mediator served in, day by day. Managed by the 司法局 in its county and by a
 * 司法所 for its township's committees (the committee and the mediator's current organisation must both lie in the
 * caller's area); every change is audited. The {@code register_mediators} function (V31) reads these rows.
 */
@ApplicationScoped
public class MembershipService {

    private final CommitteeMembershipRepository memberships;
    private final AccountRepository accounts;
    private final OrganisationService directory;
    private final AuditTrail audit;
    private final Clock clock;

    public MembershipService(CommitteeMembershipRepository memberships, AccountRepository accounts,
                             OrganisationService directory, AuditTrail audit, Clock clock) {
        this.memberships = memberships;
        this.accounts = accounts;
        this.directory = directory;
        this.audit = audit;
        this.clock = clock;
    }

    /** 加入调委会: mediator {@code accountId} serves in committee {@code committeeId} from {@code from}. */
    public record Add(UUID accountId, UUID committeeId, LocalDate from, String reason) {
    }

    /** 退出 ({@code on}: first day no longer serving) or 重新加入 (from {@code on}) of membership {@code id}. */
    public record Change(UUID accountId, UUID membershipId, LocalDate on, String reason) {
    }

    /** The mediator's memberships, earliest first, cursor-paginated. */
    @WithSession
    public Uni<CursorPage<CommitteeMembership>> list(UUID accountId, AccessScope scope, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 2);
        LocalDate afterFrom;
        UUID afterId;
        try {
            afterFrom = after.isEmpty() ? null : LocalDate.parse(after.get(0));
            afterId = after.isEmpty() ? null : UUID.fromString(after.get(1));
        } catch (RuntimeException e) {
            throw Cursor.invalid();
        }
        return mediator(accountId, scope, true)
                .chain(a -> memberships.page(accountId, afterFrom, afterId, limit + 1))
                .map(rows -> CursorPage.of(rows, limit, m -> Cursor.encode(m.validFrom, m.id), m -> m));
    }

    /**
     * Adds a membership from {@code from} (open-ended). 409 when it shares a day with another membership of the
     * mediator (end that one first: a move is an end and an add); 400 when the organisation is not a 人民调解委员会
     * or does not serve on {@code from}. A membership serving today makes the committee the mediator's
     * organisation (their working scope from their next sign-in).
     */
    @WithTransaction
    public Uni<CommitteeMembership> add(Add command, AccessScope scope, Actor actor) {
        return mediator(command.accountId(), scope, false).chain(account -> committee(command.committeeId(), scope)
                .chain(committee -> {
                    if (committee.validFrom.isAfter(command.from())
                            || (committee.validTo != null && !committee.validTo.isAfter(command.from()))) {
                        throw DomainException.invalidField("from", "该调委会在 " + command.from() + " 不在册");
                    }
                    CommitteeMembership m = CommitteeMembership.of(account.id, committee.id, command.from(),
                            command.reason(), clock.instant());
                    return insert(m, account, committee, "MEMBERSHIP_ADDED", actor);
                }));
    }

    /**
     * 历史成员资格: a span {@code [from, until)} ({@code until} null: still serving) entered after the fact, e.g. from an
     * imported 调委会成员名册. The same checks as {@link #add} (the committee on the register on {@code from}, no day
     * shared with another membership of the mediator: 409). A still-serving span of a committee whose current
     * membership (open, e.g. the one made when the account was set up) starts later is that membership: its start
     * moves back to {@code from} instead of a second one being added. A span starting before the account's 启用日期
     * moves that day back to {@code from} when the account never stopped serving (no 停用 and no earlier span): the
     * mediator served from then, so the registers count them from then; otherwise it is refused (400). Audited.
     */
    public record Span(UUID accountId, UUID committeeId, LocalDate from, LocalDate until, String reason) {
    }

    @WithTransaction
    public Uni<UUID> addSpan(Span command, AccessScope scope, Actor actor) {
        return span(command, scope, actor).map(m -> m.id);
    }

    private Uni<CommitteeMembership> span(Span command, AccessScope scope, Actor actor) {
        if (command.until() != null && !command.until().isAfter(command.from())) {
            throw DomainException.invalidField("until", "退出日期须晚于加入日期");
        }
        return mediator(command.accountId(), scope, false).chain(account -> committee(command.committeeId(), scope)
                .chain(committee -> {
                    if (committee.validFrom.isAfter(command.from())
                            || (committee.validTo != null && !committee.validTo.isAfter(command.from()))) {
                        throw DomainException.invalidField("from", "该调委会在 " + command.from() + " 不在册");
                    }
                    Uni<Void> span = Uni.createFrom().voidItem();
                    if (account.validFrom.isAfter(command.from())) {
                        if (account.validTo != null) {
                            throw DomainException.invalidField("from", "加入日期早于该调解员账号的启用日期 "
                                    + account.validFrom + "，且该账号曾停用，不能提前");
                        }
                        span = pastSpans(account.id).chain(n -> {
                            if (n > 0) {
                                throw DomainException.invalidField("from", "加入日期早于该调解员账号的启用日期 "
                                        + account.validFrom + "，且该账号曾停用，不能提前");
                            }
                            LocalDate was = account.validFrom;
                            account.validFrom = command.from();
                            return audit.record(actor, "STAFF_VALID_FROM_MOVED", "account", account.id,
                                    account.regionCode, was + " -> " + command.from() + " (membership since "
                                            + command.from() + ")");
                        });
                    }
                    return span.chain(() -> memberships.ofAccount(account.id)).chain(existing -> {
                        CommitteeMembership current = command.until() != null ? null : existing.stream()
                                .filter(e -> e.organisationId.equals(committee.id) && e.validTo == null
                                        && e.validFrom.isAfter(command.from()))
                                .findFirst().orElse(null);
                        if (current != null) {
                            return extend(current, command, existing, account, committee, actor);
                        }
                        CommitteeMembership m = CommitteeMembership.of(account.id, committee.id, command.from(),
                                command.reason(), clock.instant());
                        m.validTo = command.until();
                        if (command.until() != null) {
                            m.endReason = command.reason();
                        }
                        return insert(m, account, committee, "MEMBERSHIP_ADDED", actor);
                    });
                }));
    }

    /** Moves the start of the committee's current membership back to the span's {@code from}. */
    private Uni<CommitteeMembership> extend(CommitteeMembership current, Span command,
                                            List<CommitteeMembership> existing, Account account,
                                            Organisation committee, Actor actor) {
        CommitteeMembership clash = CommitteeMembership.overlapping(
                existing.stream().filter(e -> e != current).toList(), command.from(), current.validFrom);
        if (clash != null) {
            throw overlap(clash);
        }
        LocalDate was = current.validFrom;
        current.validFrom = command.from();
        return memberships.persistAndFlush(current)
                .onFailure(ConstraintViolationException.class).transform(e -> DomainException.conflict(
                        "该调解员在此期间已是另一调委会的成员"))
                .call(() -> accounts.persistAndFlush(account))
                .call(() -> audit.record(actor, "MEMBERSHIP_BACKDATED", "committee_membership", current.id,
                        committee.regionCode, account.id + " " + committee.name + " " + was + " -> " + command.from()
                                + " " + command.reason()));
    }

    private Uni<Long> pastSpans(UUID accountId) {
        return io.quarkus.hibernate.reactive.panache.Panache.getSession().chain(s -> s.createNativeQuery(
                        "select count(*) from register_past_span where register = 'ACCOUNT' and object_id = :id",
                        Long.class).setParameter("id", accountId.toString()).getSingleResult());
    }

    /** Ends a membership from {@code on}. 409 if already ended. */
    @WithTransaction
    public Uni<CommitteeMembership> end(Change command, AccessScope scope, Actor actor) {
        return mediator(command.accountId(), scope, false).chain(account -> membership(command)
                .chain(m -> committee(m.organisationId, scope).chain(committee -> {
                    m.end(command.on(), command.reason());
                    return memberships.persistAndFlush(m)
                            .call(x -> audit.record(actor, "MEMBERSHIP_ENDED", "committee_membership", m.id,
                                    committee.regionCode, account.id + " " + committee.name + " " + command.on() + " "
                                            + command.reason()));
                })));
    }

    /**
     * 重新加入: an ended membership's committee again from {@code on}, as a new membership (the ended one is kept).
     * 409 if it has not ended or the new span shares a day with another membership; 400 if {@code on} is before
     * its end.
     */
    @WithTransaction
    public Uni<CommitteeMembership> reactivate(Change command, AccessScope scope, Actor actor) {
        return mediator(command.accountId(), scope, false).chain(account -> membership(command)
                .chain(old -> committee(old.organisationId, scope).chain(committee -> {
                    if (old.validTo == null) {
                        throw DomainException.conflict("该成员资格未结束，无需重新加入");
                    }
                    if (command.on().isBefore(old.validTo)) {
                        throw DomainException.invalidField("on", "重新加入日期不能早于退出日期 " + old.validTo);
                    }
                    CommitteeMembership m = CommitteeMembership.of(account.id, committee.id, command.on(),
                            command.reason(), clock.instant());
                    return insert(m, account, committee, "MEMBERSHIP_REACTIVATED", actor);
                })));
    }

    private Uni<CommitteeMembership> insert(CommitteeMembership m, Account account, Organisation committee,
                                            String action, Actor actor) {
        return memberships.ofAccount(account.id).chain(existing -> {
            CommitteeMembership clash = CommitteeMembership.overlapping(existing, m.validFrom, m.validTo);
            if (clash != null) {
                throw overlap(clash);
            }
            LocalDate today = LocalDate.now(clock.withZone(TimeSource.CHINA));
            if (m.servesOn(today)) {
                account.organisationId = committee.id;
                account.regionCode = committee.regionCode;
            }
            return memberships.persistAndFlush(m)
                    .onFailure(ConstraintViolationException.class).transform(e -> DomainException.conflict(
                            "该调解员在此期间已是另一调委会的成员"))
                    .call(() -> accounts.persistAndFlush(account))
                    .call(() -> audit.record(actor, action, "committee_membership", m.id, committee.regionCode,
                            account.id + " " + committee.name + " " + m.validFrom + " " + m.reason));
        });
    }

    private static DomainException overlap(CommitteeMembership clash) {
        return DomainException.conflict("该调解员 " + clash.validFrom + " 起"
                + (clash.validTo == null ? "" : "至 " + clash.validTo.minusDays(1)) + "已是另一调委会的成员，"
                + "请先结束该成员资格（调动 = 结束原成员资格 + 加入新调委会）");
    }

    private Uni<Account> mediator(UUID id, AccessScope scope, boolean reading) {
        return accounts.findById(id).map(a -> {
            if (a == null || a.kind != AccountKind.STAFF || !a.roleSet().contains(Roles.MEDIATOR)) {
                throw new NotFound("人民调解员", id);
            }
            if (!scope.covers(a.regionCode)) {
                if (reading) {
                    throw new NotFound("人民调解员", id);
                }
                throw DomainException.forbidden("只能管理本单位管辖范围内的人民调解员");
            }
            return a;
        });
    }

    private Uni<Organisation> committee(UUID id, AccessScope scope) {
        return directory.get(id).map(o -> {
            if (o.type != OrganisationType.MEDIATION_COMMITTEE) {
                throw DomainException.invalidField("committeeId", "该机构不是人民调解委员会");
            }
            if (!scope.covers(o.regionCode)) {
                throw DomainException.forbidden("只能管理本单位管辖范围内调委会的成员");
            }
            return o;
        });
    }

    private Uni<CommitteeMembership> membership(Change command) {
        return memberships.findById(command.membershipId()).map(m -> {
            if (m == null || !m.accountId.equals(command.accountId())) {
                throw new NotFound("成员资格", command.membershipId());
            }
            return m;
        });
    }
}
