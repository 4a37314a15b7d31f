package org.publiclegal.mediation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.identity.StaffService;
import org.publiclegal.mediation.DisputeAccess.Capacity;
import org.publiclegal.mediation.DisputeAccess.Loaded;
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

    private final DisputeRepository disputes;
    private final AgreementRepository agreements;
    private final DisputeAccess access;
    private final MediationSeal seal;
    private final StaffService staff;
    private final Ledger ledger;
    private final ObjectMapper mapper;
    private final AfterAgreementService afterAgreement;
    private final AppConfig config;
    private final WorkCalendar calendar;
    private final Clock clock;

    public CommitteeService(DisputeRepository disputes, AgreementRepository agreements, DisputeAccess access, MediationSeal seal,
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
    public Uni<Dispute> draftAgreement(UUID id, CommitteeCommands.DraftAgreement r, AccessScope scope, Actor actor) {
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
            a.performanceDueOn = r.performanceDueOn();
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

    /**
     * Records what a party without the app said in person or by phone: consent (mediation begins once every
     * party has consented and the case is accepted) or refusal (Art. 17: the case ends).
     */
    @WithTransaction
    public Uni<Dispute> recordConsent(UUID id, UUID partyId, boolean consented, String reason, AccessScope scope,
                                      Actor actor) {
        Instant now = clock.instant();
        return access.apply(id, scope, actor, Capacity.COMMITTEE, (l, own) -> {
            Party p = partyOf(l, partyId);
            if (p.consent != Party.Consent.PENDING) {
                throw DomainException.conflict("该当事人已表示过是否同意调解");
            }
            p.consent = consented ? Party.Consent.CONSENTED : Party.Consent.REFUSED;
            p.consentAt = now;
            p.consentRecordedBy = actor.accountId();
            String who = label(p) + "（调解员记录）";
            if (consented) {
                l.dispute().partyConsented(DisputeService.allConsented(l), now, who);
            } else {
                p.refusalReason = reason;
                l.dispute().partyRefused(who + "拒绝调解" + (reason == null ? "" : "：" + reason), now);
            }
            return Uni.createFrom().voidItem();
        }).map(Loaded::dispute);
    }

    /** A party's request to end the mediation (Art. 23), made in person or by phone and recorded by the mediator. */
    @WithTransaction
    public Uni<Dispute> recordEndByParty(UUID id, UUID partyId, String reason, AccessScope scope, Actor actor) {
        Instant now = clock.instant();
        return access.apply(id, scope, actor, Capacity.COMMITTEE, (l, own) -> {
            Party p = partyOf(l, partyId);
            l.dispute().endedByParty(label(p) + "（调解员记录）", reason, now);
            return event(MediationEvents.FAILED, l.dispute(), now);
        }).map(Loaded::dispute);
    }

    /** 口头协议 (Art. 28): content and who agreed, recorded by the mediator: 调解成功. */
    @WithTransaction
    public Uni<Dispute> recordOralAgreement(UUID id, OfflineCommands.OralAgreement c, AccessScope scope, Actor actor) {
        Instant now = clock.instant();
        return access.apply(id, scope, actor, Capacity.COMMITTEE, (l, own) -> {
            List<Party> agreed = c.agreedPartyIds().stream().distinct().map(pid -> partyOf(l, pid)).toList();
            if (agreed.size() < 2) {
                throw DomainException.invalidField("agreedPartyIds", "口头协议须至少由双方当事人达成");
            }
            String agreedBy = agreed.stream().map(CommitteeService::label).collect(Collectors.joining("、"));
            l.dispute().oralAgreement(agreedBy, now);
            return agreements.findById(id).chain(existing -> {
                if (existing != null) {
                    throw DomainException.conflict("本案已有调解协议草稿，请按书面协议办理");
                }
                Agreement a = new Agreement();
                a.disputeId = id;
                a.form = Agreement.Form.ORAL;
                a.keyId = seal.keyId();
                a.oralContentCipher = seal.seal(c.content(), "agreement.oral", id);
                a.agreedBy = agreedBy;
                a.draftedAt = now;
                a.draftedBy = actor.accountId();
                a.sealedAt = now;
                a.sealedBy = actor.accountId();
                a.effectiveAt = now;
                a.performanceDueOn = c.performanceDueOn();
                return agreements.persist(a);
            }).chain(a -> afterAgreement.scheduleFollowUp(id, a.performanceDueOn))
                    .chain(() -> event(MediationEvents.SUCCEEDED, l.dispute(), now));
        }).map(Loaded::dispute);
    }

    /**
     * A written agreement signed on paper: its texts and the scanned copy (an evidence file of this case, under
     * the evidence rules) instead of the parties' confirmation in the app: 调解成功. Replaces an unconfirmed
     * online draft.
     */
    @WithTransaction
    public Uni<Dispute> recordPaperAgreement(UUID id, OfflineCommands.PaperAgreement c, AccessScope scope, Actor actor) {
        Instant now = clock.instant();
        return access.apply(id, scope, actor, Capacity.COMMITTEE, (l, own) -> {
            l.dispute().paperAgreement(now);
            return Panache.getSession().chain(s -> s.find(Evidence.class, c.scanEvidenceId())).chain(scan -> {
                if (scan == null || !scan.disputeId.equals(id)) {
                    throw DomainException.invalidField("scanEvidenceId", "请先将协议书扫描件作为本案证据上传");
                }
                return agreements.findById(id);
            }).chain(existing -> {
                Agreement a = existing == null ? new Agreement() : existing;
                a.disputeId = id;
                a.form = Agreement.Form.PAPER;
                a.keyId = seal.keyId();
                a.factsCipher = seal.seal(c.facts(), "agreement.facts", id);
                a.responsibilitiesCipher = seal.seal(c.responsibilities(), "agreement.responsibilities", id);
                a.termsCipher = seal.seal(json(c.terms()), "agreement.terms", id);
                a.scanEvidenceId = c.scanEvidenceId();
                a.draftedAt = existing == null ? now : existing.draftedAt;
                a.draftedBy = existing == null ? actor.accountId() : existing.draftedBy;
                a.sealedAt = now;
                a.sealedBy = actor.accountId();
                a.effectiveAt = now;
                a.performanceDueOn = c.performanceDueOn();
                return existing == null ? agreements.persist(a) : Uni.createFrom().item(a);
            }).chain(a -> afterAgreement.scheduleFollowUp(id, a.performanceDueOn))
                    .chain(() -> event(MediationEvents.SUCCEEDED, l.dispute(), now));
        }).map(Loaded::dispute);
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Party partyOf(Loaded l, UUID partyId) {
        return l.parties().stream().filter(p -> p.id.equals(partyId)).findFirst()
                .orElseThrow(() -> DomainException.invalidField("partyId", "不是本案当事人"));
    }

    private static String label(Party p) {
        return p.label();
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
