package org.publiclegal.mediation;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.identity.StaffService;
import org.publiclegal.region.Organisation;
import org.publiclegal.region.OrganisationService;
import org.publiclegal.region.OrganisationType;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.calendar.DayCounting;
import org.publiclegal.shared.calendar.WorkCalendar;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.ledger.Ledger;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.security.Roles;
import org.publiclegal.shared.validation.ChineseIdNumber;
import org.publiclegal.shared.validation.DatedSteps;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.publiclegal.shared.validation.DatedSteps.step;

/**
 * 历史案件: a case a committee concluded before it used this service, entered from its 人民调解案件台账 as the same
 * record a mediator's 登记纠纷 and its outcome create (dispute, parties sealed, mediators, agreement, 司法确认, the
 * timeline), dated as the book says, and counted in the ledger on those dates: received and accepted on the day
 * received (a court referral as 诉前委派/委托调解 instead of received), 调解成功/不成 on the day concluded, 司法确认
 * applied for and ruled on their days. No invitation codes (the case is over) and no 回访 is scheduled.
 */
@ApplicationScoped
public class CaseHistoryService {

    private final DisputeRepository disputes;
    private final PartyRepository parties;
    private final MediationStepRepository steps;
    private final AgreementRepository agreements;
    private final JudicialConfirmationRepository confirmations;
    private final MediationSeal seal;
    private final OrganisationService directory;
    private final StaffService staff;
    private final Ledger ledger;
    private final WorkCalendar calendar;
    private final AppConfig config;
    private final Clock clock;

    public CaseHistoryService(DisputeRepository disputes, PartyRepository parties, MediationStepRepository steps,
                              AgreementRepository agreements, JudicialConfirmationRepository confirmations,
                              MediationSeal seal, OrganisationService directory, StaffService staff, Ledger ledger,
                              WorkCalendar calendar, AppConfig config, Clock clock) {
        this.disputes = disputes;
        this.parties = parties;
        this.steps = steps;
        this.agreements = agreements;
        this.confirmations = confirmations;
        this.seal = seal;
        this.directory = directory;
        this.staff = staff;
        this.ledger = ledger;
        this.calendar = calendar;
        this.config = config;
        this.clock = clock;
    }

    /** The dates of a concluded case in the order they must follow, for the row checks and the service. */
    public static List<DatedSteps.Step> dates(HistoryCommands.ConcludedCase c) {
        return List.of(step("receivedOn", "受理日期", c.receivedOn()), step("concludedOn", "结案日期", c.concludedOn()),
                step("judicialAppliedOn", "司法确认申请日期", c.judicialAppliedOn()),
                step("judicialRuledOn", "司法确认裁定日期", c.judicialRuledOn()));
    }

    /**
     * The rules of a concluded case that need no database: dates, outcome and agreement, 司法确认, parties; throws the
     * first problem as a 400 naming its field.
     */
    static void check(HistoryCommands.ConcludedCase c, LocalDate today) {
        if (c.receivedOn() == null || c.concludedOn() == null) {
            throw DomainException.invalidField(c.receivedOn() == null ? "receivedOn" : "concludedOn", "请填写受理日期和结案日期");
        }
        DatedSteps.require(dates(c), today);
        boolean succeeded = c.outcome() == HistoryCommands.Outcome.SUCCEEDED;
        if (succeeded != (c.agreementForm() != null)) {
            throw DomainException.invalidField("agreementForm", succeeded ? "调解成功的案件请填写协议形式（书面或口头）"
                    : "只有调解成功的案件填写协议形式");
        }
        if (c.agreementForm() == Agreement.Form.ONLINE) {
            throw DomainException.invalidField("agreementForm", "历史案件的协议形式为书面或口头");
        }
        if (c.judicialAppliedOn() != null && !succeeded) {
            throw DomainException.invalidField("judicialAppliedOn", "只有调解成功的案件可以申请司法确认");
        }
        if ((c.judicialAppliedOn() != null) != (c.judicialCourtId() != null)) {
            throw DomainException.invalidField("judicialCourtId", "申请司法确认的案件请填写法院和申请日期");
        }
        if ((c.judicialRuling() != null) != (c.judicialRuledOn() != null)) {
            throw DomainException.invalidField("judicialRuledOn", "法院裁定请同时填写裁定结果和裁定日期");
        }
        if (c.judicialRuling() != null && c.judicialAppliedOn() == null) {
            throw DomainException.invalidField("judicialAppliedOn", "请填写司法确认申请日期");
        }
        if (c.origin() == Dispute.Origin.COURT_REFERRED && (c.referralType() == null || c.courtId() == null
                || c.courtCaseNumber() == null || c.courtCaseNumber().isBlank())) {
            throw DomainException.invalidField("courtId", "法院委派、委托的案件请填写法院、委派/委托类型和案号");
        }
        if (c.origin() != Dispute.Origin.COURT_REFERRED && c.courtCaseNumber() != null) {
            throw DomainException.invalidField("courtCaseNumber", "只有法院委派、委托的案件填写法院案号");
        }
        if (c.origin() != Dispute.Origin.COURT_REFERRED && c.referralType() != null) {
            throw DomainException.invalidField("referralType", "只有法院委派、委托的案件填写委派/委托类型");
        }
        if (c.parties() == null || c.parties().isEmpty() || c.parties().get(0).role() != Party.Role.APPLICANT
                || c.parties().stream().anyMatch(p -> p.role() == null)
                || c.parties().stream().noneMatch(p -> p.role() == Party.Role.RESPONDENT)) {
            throw DomainException.invalidField("parties", "请填写申请人和对方当事人（申请人在前）");
        }
        for (int i = 0; i < c.parties().size(); i++) {
            HistoryCommands.HistoricParty p = c.parties().get(i);
            if (p.name() == null || p.name().isBlank()) {
                throw DomainException.invalidField("parties[" + i + "].name", "请填写当事人姓名或名称");
            }
            if (!acceptableIdNumber(p.idNumber())) {
                throw DomainException.invalidField("parties[" + i + "].idNumber", "身份证号码无效");
            }
        }
    }

    /**
     * An ID number as a 台账 may hold it: empty, a valid 18-digit 身份证号, or one already masked at the source (18
     * characters, digits or X with at least one *, e.g. {@code 532932********1234}).
     */
    public static boolean acceptableIdNumber(String idNumber) {
        if (idNumber == null || idNumber.isBlank()) {
            return true;
        }
        String v = idNumber.trim().toUpperCase();
        if (v.indexOf('*') >= 0) {
            return v.length() == 18 && v.chars().allMatch(ch -> ch == '*' || ch == 'X' || (ch >= '0' && ch <= '9'));
        }
        return ChineseIdNumber.Validator.isValidNumber(v);
    }

    /** Writes the case and its ledger events; answers the new dispute's id: the batch of one. */
    @WithTransaction
    public Uni<UUID> recordConcluded(HistoryCommands.ConcludedCase c, AccessScope scope, Actor actor) {
        return recordAllConcluded(List.of(c), scope, actor).map(ids -> ids.get(0));
    }

    /**
     * Writes many cases at once (历史台账导入; {@link #recordConcluded} is the batch of one): the checks of each as
     * one case has them, then one look-up each for the regions, the committees and courts, the court case numbers,
     * the mediators, the calendar and the case numbers of the whole batch; the records go out in Hibernate's JDBC
     * batches, the mediators in one multi-row insert and the ledger events through {@link Ledger#recordAll}. All or
     * none; answers the new disputes' ids in the order of {@code cases}.
     */
    @WithTransaction
    public Uni<List<UUID>> recordAllConcluded(List<HistoryCommands.ConcludedCase> cases, AccessScope scope, Actor actor) {
        boolean office = scope.hasRole(Roles.JUDICIAL_OFFICE) || scope.hasRole(Roles.BUREAU_ADMIN) || scope.isSystemAdmin();
        if (!office && !(scope.hasRole(Roles.MEDIATOR) && scope.organisationId() != null)) {
            throw DomainException.forbidden("只有司法所、司法局或调委会的调解员可以录入历史调解案件");
        }
        if (cases.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), TimeSource.CHINA);
        for (HistoryCommands.ConcludedCase c : cases) {
            if (!office && !scope.organisationId().equals(c.committeeId())) {
                throw DomainException.invalidField("committeeId", "调解员只能录入本调委会的案件");
            }
            if (!RegionCodes.isValid(c.villageCode()) || RegionCodes.levelOf(c.villageCode()) != RegionCodes.Level.VILLAGE) {
                throw DomainException.invalidField("villageCode", "请选择纠纷发生地所在的村（社区）");
            }
            if (!scope.covers(c.villageCode())) {
                throw DomainException.invalidField("villageCode", "纠纷发生地须在本单位服务区域内");
            }
            check(c, today);
        }
        Set<UUID> organisationIds = new HashSet<>();
        Set<UUID> mediatorIds = new HashSet<>();
        Set<String> caseNumbers = new HashSet<>();
        for (HistoryCommands.ConcludedCase c : cases) {
            organisationIds.add(c.committeeId());
            if (c.courtId() != null) {
                organisationIds.add(c.courtId());
                caseNumbers.add(c.courtCaseNumber().trim());
            }
            if (c.judicialCourtId() != null) {
                organisationIds.add(c.judicialCourtId());
            }
            if (c.mediatorIds() != null) {
                mediatorIds.addAll(c.mediatorIds());
            }
        }
        return directory.existingRegions(cases.stream().map(HistoryCommands.ConcludedCase::villageCode).distinct().toList())
                .chain(known -> {
                    cases.stream().filter(c -> !known.contains(c.villageCode())).findFirst().ifPresent(c -> {
                        throw DomainException.invalidField("villageCode", "行政区划 " + c.villageCode() + " 不存在");
                    });
                    return directory.findAll(organisationIds);
                })
                .chain(orgs -> disputes.courtCasesTaken(caseNumbers).chain(taken -> {
                    checkOrganisations(cases, orgs, taken, scope);
                    return staff.findAll(mediatorIds);
                }).chain(people -> {
                    List<List<String>> names = cases.stream().map(c -> mediatorNames(c, people)).toList();
                    return calendar.deadlines(cases.stream().map(c -> new WorkCalendar.Period(c.receivedOn(),
                                    c.origin() == Dispute.Origin.COURT_REFERRED ? referralDays(c.referralType())
                                            : config.mediation().timeLimitDays(), DayCounting.CALENDAR)).toList())
                            .chain(dues -> disputes.nextNumbers(cases.size()).chain(numbers -> {
                                List<Written> written = new ArrayList<>(cases.size());
                                for (int i = 0; i < cases.size(); i++) {
                                    HistoryCommands.ConcludedCase c = cases.get(i);
                                    written.add(build(c, numbers.get(i), dues.get(i), names.get(i),
                                            c.judicialCourtId() == null ? null : orgs.get(c.judicialCourtId()), actor));
                                }
                                return persist(written).replaceWith(written.stream().map(w -> w.dispute().id).toList());
                            }));
                }));
    }

    /**
     * The committee and courts of each case, as the book names them: a registered 人民调解委员会 of the caller's area
     * serving the village, 人民法院s, and a court case number registered at neither that court nor an earlier case of
     * the batch (one row at a time, the earlier case would have been registered).
     */
    private static void checkOrganisations(List<HistoryCommands.ConcludedCase> cases, Map<UUID, Organisation> orgs,
                                           Set<String> taken, AccessScope scope) {
        Set<String> numbers = new HashSet<>(taken);
        for (HistoryCommands.ConcludedCase c : cases) {
            Organisation committee = known(orgs, c.committeeId());
            if (committee.type != OrganisationType.MEDIATION_COMMITTEE) {
                throw DomainException.invalidField("committeeId", "请选择人民调解委员会");
            }
            if (!RegionCodes.within(c.villageCode(), committee.regionCode) || !scope.covers(committee.regionCode)) {
                throw DomainException.invalidField("committeeId", "该调委会不在本单位服务区域内或不服务纠纷发生地");
            }
            Organisation referralCourt = court(orgs, c.courtId(), "courtId");
            if (referralCourt != null && !numbers.add(c.courtId() + " " + c.courtCaseNumber().trim())) {
                throw DomainException.conflict(referralCourt.name + "的案号 " + c.courtCaseNumber().trim() + " 已经登记");
            }
            court(orgs, c.judicialCourtId(), "judicialCourtId");
        }
    }

    private static Organisation known(Map<UUID, Organisation> orgs, UUID id) {
        Organisation o = orgs.get(id);
        if (o == null) {
            throw new NotFound("机构", id);
        }
        return o;
    }

    /** A court given by id (null when none): it must be a 人民法院. */
    private static Organisation court(Map<UUID, Organisation> orgs, UUID id, String field) {
        if (id == null) {
            return null;
        }
        Organisation o = known(orgs, id);
        if (o.type != OrganisationType.COURT) {
            throw DomainException.invalidField(field, "请选择人民法院");
        }
        return o;
    }

    /** The names of the case's mediators, each a mediator registered at the committee (active or since left). */
    private static List<String> mediatorNames(HistoryCommands.ConcludedCase c, Map<UUID, StaffService.StaffRef> people) {
        List<String> names = new ArrayList<>();
        for (UUID id : c.mediatorIds() == null ? List.<UUID>of() : c.mediatorIds().stream().distinct().toList()) {
            StaffService.StaffRef m = people.get(id);
            if (m == null || !m.roles().contains(Roles.MEDIATOR) || !c.committeeId().equals(m.organisationId())) {
                throw DomainException.invalidField("mediatorIds", "所选人员不是本调委会的调解员");
            }
            names.add(m.displayName());
        }
        return names;
    }

    /** A case ready to write: the dispute with its parties, timeline, agreement, 司法确认, mediators and events. */
    private record Written(Dispute dispute, List<Party> parties, List<MediationStep> steps, Agreement agreement,
                           JudicialConfirmation confirmation, List<DisputeRepository.Assignment> assignments,
                           List<Ledger.Entry> events) {
    }

    /** The batch's inserts: each kind of record in one go (Hibernate's JDBC batches), then mediators and ledger. */
    private Uni<Void> persist(List<Written> written) {
        List<Agreement> agreed = written.stream().map(Written::agreement).filter(a -> a != null).toList();
        List<JudicialConfirmation> confirmed = written.stream().map(Written::confirmation).filter(j -> j != null).toList();
        return disputes.persist(written.stream().map(Written::dispute))
                .chain(() -> parties.persist(written.stream().flatMap(w -> w.parties().stream())))
                .chain(() -> steps.persist(written.stream().flatMap(w -> w.steps().stream())))
                // Panache refuses an empty stream: a batch may hold no agreement or no 司法确认
                .chain(() -> agreed.isEmpty() ? Uni.createFrom().voidItem() : agreements.persist(agreed.stream()))
                .chain(() -> confirmed.isEmpty() ? Uni.createFrom().voidItem() : confirmations.persist(confirmed.stream()))
                .chain(() -> disputes.flush())
                .chain(() -> disputes.assignAll(written.stream().flatMap(w -> w.assignments().stream()).toList()))
                .chain(() -> ledger.recordAll(written.stream().flatMap(w -> w.events().stream()).toList()));
    }

    /** The case as the staff-entry path makes it, through the entities' own transitions, with its ledger events. */
    private Written build(HistoryCommands.ConcludedCase c, long n, Instant due, List<String> mediatorNames,
                          Organisation jcCourt, Actor actor) {
        Instant receivedAt = dayStart(c.receivedOn());
        Instant concludedAt = dayStart(c.concludedOn());
        Dispute d = new Dispute();
        d.id = UUID.randomUUID();
        d.reference = String.format("MD%d-%06d", c.receivedOn().getYear(), n);
        d.origin = c.origin();
        d.intakeChannel = c.intakeChannel() == null ? Dispute.IntakeChannel.APP : c.intakeChannel();
        d.transferredByKind = c.transferredByKind();
        d.transferredByName = c.transferredByName() == null || c.transferredByName().isBlank() ? null
                : c.transferredByName().trim();
        d.receivedOn = c.receivedOn();
        d.enteredBy = actor.accountId();
        d.disputeType = c.disputeType();
        d.keyId = seal.keyId();
        d.factsCipher = seal.seal(c.facts() == null ? "" : c.facts(), "facts", d.id);
        d.claimsCipher = seal.seal("", "claims", d.id);
        d.regionCode = c.villageCode();
        d.committeeId = c.committeeId();
        d.preferredMode = Dispute.Mode.IN_PERSON;
        d.courtId = c.courtId();
        d.referralType = c.referralType();
        d.courtCaseNumber = c.courtCaseNumber() == null ? null : c.courtCaseNumber().trim();
        List<Party> all = new ArrayList<>();
        for (int i = 0; i < c.parties().size(); i++) {
            HistoryCommands.HistoricParty e = c.parties().get(i);
            Party p = new Party();
            p.id = UUID.randomUUID();
            p.disputeId = d.id;
            p.role = e.role();
            p.kind = e.kind() == null ? Party.Kind.PERSON : e.kind();
            p.nameCipher = seal.seal(e.name().trim(), "party.name", p.id);
            p.idNumberCipher = e.idNumber() == null || e.idNumber().isBlank() ? null
                    : seal.seal(e.idNumber().trim().toUpperCase(), "party.id-number", p.id);
            p.consent = Party.Consent.CONSENTED;
            p.consentAt = receivedAt;
            p.consentRecordedBy = actor.accountId();
            p.position = i;
            all.add(p);
        }
        // the timeline as it happened: registered (or referred) and in mediation on the day received, the outcome on
        // the day concluded
        if (c.origin() == Dispute.Origin.COURT_REFERRED) {
            d.referredByCourt(due, receivedAt);
            d.partyConsented(true, receivedAt, "各方当事人（历史台账导入）");
        } else {
            d.registeredByStaff(receivedAt, due, true, receivedAt);
        }
        if (!mediatorNames.isEmpty()) {
            d.assigned(receivedAt, String.join("、", mediatorNames));
        }
        Agreement agreement = null;
        switch (c.outcome()) {
            case SUCCEEDED -> {
                String agreedBy = "历史台账导入：" + all.size() + " 方当事人";
                if (c.agreementForm() == Agreement.Form.ORAL) {
                    d.oralAgreement(agreedBy, concludedAt);
                } else {
                    d.paperAgreement(concludedAt);
                }
                agreement = new Agreement();
                agreement.disputeId = d.id;
                agreement.form = c.agreementForm();
                agreement.historical = true;
                agreement.keyId = seal.keyId();
                agreement.agreedBy = c.agreementForm() == Agreement.Form.ORAL ? agreedBy : null;
                agreement.draftedAt = concludedAt;
                agreement.draftedBy = actor.accountId();
                agreement.sealedAt = concludedAt;
                agreement.sealedBy = actor.accountId();
                agreement.effectiveAt = concludedAt;
            }
            case FAILED -> d.fail(c.failureReason() == null || c.failureReason().isBlank() ? "调解不成（历史台账导入）"
                    : c.failureReason().trim(), concludedAt);
            case WITHDRAWN -> d.withdraw(c.failureReason() == null || c.failureReason().isBlank() ? "申请人撤回（历史台账导入）"
                    : c.failureReason().trim(), concludedAt);
        }
        JudicialConfirmation jc = null;
        if (c.judicialAppliedOn() != null) {
            jc = new Aftermath(d, null, null).applyForConfirmation(jcCourt.id, jcCourt.name, c.judicialAppliedOn(),
                    actor.accountId(), dayStart(c.judicialAppliedOn()));
            if (c.judicialRuling() != null) {
                new Aftermath(d, jc, null).recordRuling(c.judicialRuling(), c.judicialRuledOn(), dayStart(c.judicialRuledOn()));
            }
        }
        d.note("import-history", "历史台账导入（案件材料" + (agreement == null ? "" : "及调解协议") + "在纸质卷宗）",
                clock.instant(), d.status);
        List<MediationStep> taken = d.drainSteps();
        taken.forEach(s -> {
            s.actorId = actor.accountId();
            s.actorRole = Roles.MEDIATOR;
        });
        List<DisputeRepository.Assignment> assignments = (c.mediatorIds() == null ? List.<UUID>of() : c.mediatorIds())
                .stream().distinct().map(m -> new DisputeRepository.Assignment(d.id, m, receivedAt)).toList();
        List<Ledger.Entry> events = new ArrayList<>();
        events.add(event(c.origin() == Dispute.Origin.COURT_REFERRED ? MediationEvents.referralKind(c.referralType())
                : MediationEvents.RECEIVED, d, receivedAt));
        events.add(event(MediationEvents.ACCEPTED, d, receivedAt));
        if (c.outcome() == HistoryCommands.Outcome.SUCCEEDED) {
            events.add(event(MediationEvents.SUCCEEDED, d, concludedAt));
        } else if (c.outcome() == HistoryCommands.Outcome.FAILED) {
            events.add(event(MediationEvents.FAILED, d, concludedAt));
        }
        if (c.judicialAppliedOn() != null) {
            events.add(event(MediationEvents.JC_APPLIED, d, dayStart(c.judicialAppliedOn())));
        }
        if (c.judicialRuling() != null) {
            events.add(event(c.judicialRuling() == JudicialConfirmation.Ruling.CONFIRMED
                    ? MediationEvents.JC_CONFIRMED : MediationEvents.JC_REJECTED, d, dayStart(c.judicialRuledOn())));
        }
        return new Written(d, all, taken, agreement, jc, assignments, events);
    }

    private int referralDays(Dispute.ReferralType type) {
        return switch (type) {
            case DELEGATED -> config.mediation().delegatedReferralDays();
            case ENTRUSTED_ORDINARY -> config.mediation().entrustedOrdinaryReferralDays();
            case ENTRUSTED_SIMPLIFIED -> config.mediation().entrustedSimplifiedReferralDays();
        };
    }

    private static Instant dayStart(LocalDate day) {
        return day.atStartOfDay(TimeSource.CHINA).toInstant();
    }

    private static Ledger.Entry event(String kind, Dispute d, Instant at) {
        return new Ledger.Entry(kind, d.regionCode, d.committeeId, at, 1, null, MediationEvents.SOURCE, d.id);
    }
}
