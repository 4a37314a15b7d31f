package org.publiclegal.mediation.subsidy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.identity.StaffService;
import org.publiclegal.region.Organisation;
import org.publiclegal.region.OrganisationService;
import org.publiclegal.region.OrganisationType;
import org.hibernate.exception.ConstraintViolationException;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.audit.AuditTrail;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.Money;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.security.Roles;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * 以案奖补月度结算 of one committee (see {@link SubsidyStatement} for the computation): read live until the 司法所
 * issues (签发) the month, frozen afterwards; a live statement carries the adjustments of earlier issued months.
 */
@ApplicationScoped
public class SubsidyStatementService {

    /** 签发 a committee's month. */
    public record IssueCommand(UUID committeeId, YearMonth month) {
    }

    private final SubsidyCaseRepository cases;
    private final SubsidyRuleRepository rules;
    private final SubsidyIssueRepository issues;
    private final OrganisationService directory;
    private final StaffService staff;
    private final AuditTrail audit;
    private final ObjectMapper json;
    private final Clock clock;

    public SubsidyStatementService(SubsidyCaseRepository cases, SubsidyRuleRepository rules,
                                   SubsidyIssueRepository issues, OrganisationService directory, StaffService staff,
                                   AuditTrail audit, ObjectMapper json, Clock clock) {
        this.cases = cases;
        this.rules = rules;
        this.issues = issues;
        this.directory = directory;
        this.staff = staff;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The statement for {@code month}: for the committee's own mediators, the 司法所 or 司法局 whose area contains
     * the committee, and the system administrator; anyone else gets 404. An issued month is returned exactly as
     * issued.
     */
    public Uni<SubsidyStatement.MonthlyStatement> statement(UUID committeeId, YearMonth month, AccessScope scope) {
        return committee(committeeId, c -> maySee(c, scope))
                .chain(committee -> issues.of(committeeId, month).chain(issued -> issued != null
                        ? Uni.createFrom().item(read(issued)) : draft(committee, month)));
    }

    /**
     * 签发: the committee's 司法所 (its area contains the committee) freezes a finished month as it computes now,
     * with the adjustments of earlier issued months. Once per committee and month (409 after), audited.
     */
    @WithTransaction
    public Uni<SubsidyStatement.MonthlyStatement> issue(IssueCommand command, AccessScope scope, Actor actor) {
        YearMonth current = YearMonth.now(clock.withZone(TimeSource.CHINA));
        if (!command.month().isBefore(current)) {
            throw DomainException.invalidField("month", "只能签发已结束的月份（当前为 " + current + "）");
        }
        return committee(command.committeeId(), c -> scope.hasRole(Roles.JUDICIAL_OFFICE) && scope.covers(c.regionCode))
                .call(committee -> issues.of(committee.id, command.month()).invoke(existing -> {
                    if (existing != null) {
                        throw alreadyIssued(command.month());
                    }
                }))
                .chain(committee -> draft(committee, command.month()).chain(draft -> {
                    SubsidyStatement.MonthlyStatement issued = draft.issued(
                            new SubsidyStatement.Issue(UUID.randomUUID(), actor.accountId(), clock.instant()));
                    SubsidyIssue row = SubsidyIssue.of(issued.issue().id(), committee.id, command.month(),
                            actor.accountId(), issued.issue().issuedAt(), Money.toFen(issued.totalAmount()),
                            Money.toFen(issued.adjustmentAmount()), write(issued));
                    return issues.persistAndFlush(row)
                            // a concurrent issue that passed the check above is stopped by the unique constraint
                            .onFailure(ConstraintViolationException.class).transform(e -> alreadyIssued(command.month()))
                            .call(r -> audit.record(actor, "SUBSIDY_STATEMENT_ISSUED", "med_subsidy_issue", r.id,
                                    committee.regionCode, committee.name + " " + command.month() + " 以案奖补 "
                                            + issued.totalAmount() + " 元，调整 " + issued.adjustmentAmount() + " 元"))
                            .replaceWith(issued);
                }));
    }

    /** The month as it computes now, with the adjustments owed for the issued months of the window before it. */
    private Uni<SubsidyStatement.MonthlyStatement> draft(Organisation committee, YearMonth month) {
        return compute(committee, month).chain(live -> issues.between(committee.id,
                        month.minusMonths(SubsidyAdjustments.MONTHS_BACK), month)
                .chain(rows -> {
                    List<SubsidyStatement.MonthlyStatement> issued = rows.stream().map(this::read).toList();
                    Map<String, SubsidyStatement.MonthlyStatement> now = new LinkedHashMap<>();
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (SubsidyStatement.MonthlyStatement s : issued) {
                        chain = chain.chain(() -> compute(committee, YearMonth.parse(s.month()))
                                .invoke(again -> now.put(s.month(), again)).replaceWithVoid());
                    }
                    return chain.map(v -> live.withAdjustments(SubsidyAdjustments.due(issued, now)));
                }));
    }

    private Uni<SubsidyStatement.MonthlyStatement> compute(Organisation committee, YearMonth month) {
        Instant from = SubsidyStatement.start(month);
        Instant to = SubsidyStatement.start(month.plusMonths(1));
        UUID committeeId = committee.id;
        return cases.succeeded(committeeId, from, to)
                .chain(rows -> cases.mediators(committeeId, from, to)
                        .chain(mediators -> rules.ofRegions(enclosingRegions(rows))
                                .chain(applicable -> names(committeeId, mediators).map(names ->
                                        SubsidyStatement.compute(committeeId, committee.name, month, rows,
                                                mediators, applicable, names)))));
    }

    /** The mediation committee, if {@code allowed}; 404 otherwise (its existence is not revealed). */
    private Uni<Organisation> committee(UUID committeeId, Predicate<Organisation> allowed) {
        return directory.get(committeeId)
                .onFailure(NotFound.class).transform(e -> notFound(committeeId))
                .invoke(committee -> {
                    if (committee.type != OrganisationType.MEDIATION_COMMITTEE || !allowed.test(committee)) {
                        throw notFound(committeeId);
                    }
                });
    }

    private static DomainException alreadyIssued(YearMonth month) {
        return DomainException.conflict(month + " 的以案奖补结算已签发，不能再次签发；之后的变化在下月结算中作为调整列出");
    }

    private SubsidyStatement.MonthlyStatement read(SubsidyIssue issue) {
        try {
            return json.readValue(issue.statement, SubsidyStatement.MonthlyStatement.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Issued subsidy statement " + issue.id + " cannot be read", e);
        }
    }

    private String write(SubsidyStatement.MonthlyStatement statement) {
        try {
            return json.writeValueAsString(statement);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Subsidy statement cannot be written", e);
        }
    }

    private static boolean maySee(Organisation committee, AccessScope scope) {
        if (scope.isSystemAdmin()) {
            return true;
        }
        if (scope.hasRole(Roles.MEDIATOR) && committee.id.equals(scope.organisationId())) {
            return true;
        }
        return (scope.hasRole(Roles.JUDICIAL_OFFICE) || scope.hasRole(Roles.BUREAU_ADMIN))
                && scope.covers(committee.regionCode);
    }

    private static NotFound notFound(UUID committeeId) {
        return new NotFound("人民调解委员会", committeeId);
    }

    private static Set<String> enclosingRegions(List<SubsidyStatement.CaseRow> rows) {
        Set<String> codes = new LinkedHashSet<>();
        rows.forEach(r -> codes.addAll(RegionCodes.ancestorsOrSelf(r.regionCode())));
        return codes;
    }

    /** Display names of the assigned mediators: the committee's members, then any who have since left it. */
    private Uni<Map<UUID, String>> names(UUID committeeId, Map<UUID, List<UUID>> mediators) {
        Set<UUID> wanted = new LinkedHashSet<>();
        mediators.values().forEach(wanted::addAll);
        if (wanted.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return staff.members(committeeId, Roles.MEDIATOR).chain(members -> {
            Map<UUID, String> names = new HashMap<>();
            members.stream().filter(m -> wanted.contains(m.id())).forEach(m -> names.put(m.id(), m.displayName()));
            Uni<Void> rest = Uni.createFrom().voidItem();
            for (UUID id : wanted) {
                if (!names.containsKey(id)) {
                    rest = rest.chain(() -> staff.find(id).invoke(ref -> {
                        if (ref != null) {
                            names.put(id, ref.displayName());
                        }
                    }).replaceWithVoid());
                }
            }
            return rest.replaceWith(names);
        });
    }
}
