package org.publiclegal.mediation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.identity.StaffService;
import org.publiclegal.mediation.DisputeAccess.Capacity;
import org.publiclegal.mediation.DisputeAccess.Loaded;
import org.publiclegal.mediation.MediationRepositories.Agreements;
import org.publiclegal.mediation.MediationRepositories.Disputes;
import org.publiclegal.mediation.api.MediationRequests;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.calendar.DayCounting;
import org.publiclegal.shared.calendar.WorkCalendar;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.ledger.Ledger;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.security.Roles;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The committee's side: accept or decline, assign mediators, extend, draft and seal the agreement, or end it. */
@ApplicationScoped
public class CommitteeService {

    private final Disputes disputes;
    private final Agreements agreements;
    private final DisputeAccess access;
    private final MediationSeal seal;
    private final StaffService staff;
    private final Ledger ledger;
    private final ObjectMapper mapper;
    private final AfterAgreementService afterAgreement;
    private final AppConfig config;
    private final WorkCalendar calendar;
    private final Clock clock;

    public CommitteeService(Disputes disputes, Agreements agreements, DisputeAccess access, MediationSeal seal,
                            StaffService staff, Ledger ledger, ObjectMapper mapper, AfterAgreementService afterAgreement,
                            AppConfig config, WorkCalendar calendar, Clock clock) {
        this.calendar = calendar;
        this.disputes = disputes;
        this.agreements = agreements;
        this.access = access;
        this.seal = seal;
        this.staff = staff;
        this.ledger = ledger;
        this.mapper = mapper;
        this.afterAgreement = afterAgreement;
        this.config = config;
        this.clock = clock;
    }

    /** 受理: the time limit (一般一个月) starts. */
    @WithTransaction
    public Uni<Dispute> accept(UUID id, AccessScope scope, Actor actor) {
        Instant now = clock.instant();
        return access.apply(id, scope, actor, Capacity.COMMITTEE, (l, own) ->
                calendar.deadline(now, config.mediation().timeLimitDays(), DayCounting.CALENDAR).chain(due -> {
                    l.dispute().accept(due, DisputeService.allConsented(l), now);
                    return event(MediationEvents.ACCEPTED, l.dispute(), now);
                })).map(Loaded::dispute);
    }

    /** 不予受理, with the reason (e.g. already accepted by a court or another body). */
    @WithTransaction
    public Uni<Dispute> decline(UUID id, String reason, AccessScope scope, Actor actor) {
        return access.apply(id, scope, actor, Capacity.COMMITTEE, (l, own) -> {
            l.dispute().decline(reason, clock.instant());
            return Uni.createFrom().voidItem();
        }).map(Loaded::dispute);
    }

    /** Assigns one or more MEDIATORs of the committee. */
    @WithTransaction
    public Uni<Dispute> assign(UUID id, List<UUID> mediatorIds, AccessScope scope, Actor actor) {
        Instant now = clock.instant();
        return access.apply(id, scope, actor, Capacity.COMMITTEE, (l, own) ->
                staff.members(l.dispute().committeeId, Roles.MEDIATOR).chain(members -> {
                    Map<UUID, StaffService.StaffRef> byId = members.stream()
                            .collect(Collectors.toMap(StaffService.StaffRef::id, m -> m));
                    for (UUID m : mediatorIds) {
                        if (!byId.containsKey(m)) {
                            throw DomainException.invalidField("mediatorIds", "所选人员不是本调委会的调解员");
                        }
                    }
                    l.dispute().assigned(now, mediatorIds.stream().map(m -> byId.get(m).displayName())
                            .collect(Collectors.joining("、")));
                    Uni<Integer> chain = Uni.createFrom().item(0);
                    for (UUID m : mediatorIds) {
                        chain = chain.chain(() -> disputes.assign(id, m, now));
                    }
                    return chain;
                })).map(Loaded::dispute);
    }

    /** The committee's mediators with their open cases, to choose whom to assign. */
    public Uni<List<Workload>> workloads(UUID id, AccessScope scope) {
        return access.load(id, scope).chain(l -> staff.members(l.dispute().committeeId, Roles.MEDIATOR)
                .chain(members -> disputes.workloads(l.dispute().committeeId).map(rows -> {
                    Map<UUID, Long> open = rows.stream()
                            .collect(Collectors.toMap(r -> (UUID) r[0], r -> ((Number) r[1]).longValue()));
                    return members.stream().map(m -> new Workload(m.id(), m.displayName(), open.getOrDefault(m.id(), 0L)))
                            .sorted(Comparator.comparingLong(Workload::openCases).thenComparing(Workload::name))
                            .toList();
                })));
    }

    /** A mediator and how many open cases they carry. */
    public record Workload(UUID mediatorId, String name, long openCases) {
    }

    /** 延长调解期限 with the parties' agreement. */
    @WithTransaction
    public Uni<Dispute> extend(UUID id, int days, String reason, AccessScope scope, Actor actor) {
        Instant now = clock.instant();
        return access.apply(id, scope, actor, Capacity.COMMITTEE, (l, own) -> {
            // the extension counts from the last day of the current limit (its deadline is 24:00 of that day)
            Instant from = l.dispute().dueAt == null ? now : l.dispute().dueAt.minusSeconds(1);
            return calendar.deadline(from, days, DayCounting.CALENDAR).invoke(due -> l.dispute().extend(due, reason, now));
        }).map(Loaded::dispute);
    }

    /** 起草调解协议书; every party then confirms it in the app. */
    @WithTransaction
    public Uni<Dispute> draftAgreement(UUID id, MediationRequests.DraftAgreement r, AccessScope scope, Actor actor) {
        Instant now = clock.instant();
        return access.apply(id, scope, actor, Capacity.COMMITTEE, (l, own) -> {
            l.dispute().agreementDrafted(now);
            Agreement a = new Agreement();
            a.disputeId = id;
            a.keyId = seal.keyId();
            a.factsCipher = seal.seal(r.facts(), "agreement.facts", id);
            a.responsibilitiesCipher = seal.seal(r.responsibilities(), "agreement.responsibilities", id);
            try {
                a.termsCipher = seal.seal(mapper.writeValueAsString(r.terms()), "agreement.terms", id);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
            a.draftedAt = now;
            a.draftedBy = actor.accountId();
            a.performanceDueOn = r.terms().stream().map(MediationRequests.Term::deadline)
                    .max(LocalDate::compareTo).orElse(null);
            return agreements.persist(a);
        }).map(Loaded::dispute);
    }

    /** 加盖调委会印章: the agreement takes effect once every party has confirmed it: 调解成功. */
    @WithTransaction
    public Uni<Dispute> sealAgreement(UUID id, AccessScope scope, Actor actor) {
        Instant now = clock.instant();
        return access.apply(id, scope, actor, Capacity.COMMITTEE, (l, own) -> {
            boolean allConfirmed = l.parties().stream().allMatch(p -> p.agreementConfirmedAt != null);
            l.dispute().sealed(allConfirmed, now);
            return agreements.findById(id).invoke(a -> {
                a.sealedAt = now;
                a.sealedBy = actor.accountId();
                a.effectiveAt = now;
            }).chain(a -> afterAgreement.scheduleFollowUp(id, a.performanceDueOn))
                    .chain(() -> event(MediationEvents.SUCCEEDED, l.dispute(), now));
        }).map(Loaded::dispute);
    }

    /** 调解不成: ended with the reason; the parties are shown the other routes. */
    @WithTransaction
    public Uni<Dispute> fail(UUID id, String reason, AccessScope scope, Actor actor) {
        Instant now = clock.instant();
        return access.apply(id, scope, actor, Capacity.COMMITTEE, (l, own) -> {
            l.dispute().fail(reason, now);
            return event(MediationEvents.FAILED, l.dispute(), now);
        }).map(Loaded::dispute);
    }

    /** 将调解结果反馈法院 for a court-referred case with an outcome. */
    @WithTransaction
    public Uni<Dispute> returnToCourt(UUID id, String note, AccessScope scope, Actor actor) {
        Instant now = clock.instant();
        return access.apply(id, scope, actor, Capacity.COMMITTEE, (l, own) -> {
            l.dispute().returnToCourt(note, now);
            return event(MediationEvents.COURT_REFERRAL_RETURNED, l.dispute(), now);
        }).map(Loaded::dispute);
    }

    /** Art. 25: a risk of violence or crime was reported to the police. */
    @WithTransaction
    public Uni<Dispute> escalate(UUID id, String note, AccessScope scope, Actor actor) {
        return access.apply(id, scope, actor, Capacity.COMMITTEE, (l, own) -> {
            l.dispute().escalate(note, clock.instant());
            return Uni.createFrom().voidItem();
        }).map(Loaded::dispute);
    }

    private Uni<Void> event(String kind, Dispute d, Instant at) {
        return ledger.record(kind, d.regionCode, d.committeeId, at, MediationEvents.SOURCE, d.id).replaceWithVoid();
    }
}
