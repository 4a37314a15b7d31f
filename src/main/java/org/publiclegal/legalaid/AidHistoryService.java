package org.publiclegal.legalaid;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.identity.StaffService;
import org.publiclegal.region.Organisation;
import org.publiclegal.region.OrganisationService;
import org.publiclegal.region.OrganisationType;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.calendar.WorkCalendar;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.domain.Money;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.ledger.Ledger;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.security.Roles;
import org.publiclegal.shared.validation.DatedSteps;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.publiclegal.legalaid.LegalAidEvents.SOURCE_APPLICATION;
import static org.publiclegal.shared.validation.DatedSteps.step;

/**
 * 历史案件: a legal-aid matter from a centre's 法律援助案件台账, written as the same record a 窗口 application becomes
 * (the person aided sealed, the timeline through the application's own transitions), dated as the book says and
 * counted in the ledger on those dates: 收到申请 on the day received, 给予/不予 on the day decided, 指派 (counted
 * under its service form: 受理法律援助案件, 值班律师法律帮助 or 法律援助咨询) on the day assigned, 结案 with the amount
 * recovered on the day closed. A grant is entered with its assignment; a case not yet closed is in progress.
 */
@ApplicationScoped
public class AidHistoryService {

    /** The largest amount a book may give for one case (yuan): ten billion, to catch a slipped decimal point. */
    static final BigDecimal MAX_RECOVERED = new BigDecimal("10000000000.00");

    private final ApplicationRepository applications;
    private final StepRepository steps;
    private final SealedDetails sealed;
    private final OrganisationService directory;
    private final StaffService staff;
    private final WorkCalendar calendar;
    private final Ledger ledger;
    private final AppConfig config;
    private final Clock clock;

    public AidHistoryService(ApplicationRepository applications, StepRepository steps, SealedDetails sealed,
                             OrganisationService directory, StaffService staff, WorkCalendar calendar, Ledger ledger,
                             AppConfig config, Clock clock) {
        this.applications = applications;
        this.steps = steps;
        this.sealed = sealed;
        this.directory = directory;
        this.staff = staff;
        this.calendar = calendar;
        this.ledger = ledger;
        this.config = config;
        this.clock = clock;
    }

    /** The dates of a case in the order they must follow. */
    public static List<DatedSteps.Step> dates(CaseHistoryCommands.ConcludedCase c) {
        return List.of(step("receivedOn", "收到申请日期", c.receivedOn()), step("decidedOn", "决定日期", c.decidedOn()),
                step("assignedOn", "指派日期", c.assignedOn()), step("closedOn", "结案日期", c.closedOn()));
    }

    /** The rules that need no database; throws the first problem as a 400 naming its field. */
    static void check(CaseHistoryCommands.ConcludedCase c, LocalDate today) {
        if (c.receivedOn() == null || c.decidedOn() == null) {
            throw DomainException.invalidField(c.receivedOn() == null ? "receivedOn" : "decidedOn", "请填写收到申请日期和决定日期");
        }
        DatedSteps.require(dates(c), today);
        if (c.applicant() == null || c.applicant().name() == null || c.applicant().name().isBlank()) {
            throw DomainException.invalidField("applicant.name", "请填写受援人姓名");
        }
        boolean granted = c.decision() == CaseHistoryCommands.Decision.GRANTED;
        if (granted && (c.providerOrgId() == null || c.assignedOn() == null)) {
            throw DomainException.invalidField("assignedOn", "给予法律援助的案件请填写承办机构和指派日期");
        }
        if (!granted && (c.providerOrgId() != null || c.lawyerId() != null || c.assignedOn() != null || c.closedOn() != null)) {
            throw DomainException.invalidField("decision", "不予法律援助的案件不填写指派和结案");
        }
        if ((c.closedOn() != null) != (c.outcome() != null)) {
            throw DomainException.invalidField("outcome", "已结案的案件请同时填写结案日期和结案情况");
        }
        if (c.recovered() != null) {
            if (c.closedOn() == null) {
                throw DomainException.invalidField("recovered", "挽回经济损失只在结案时填写");
            }
            if (c.recovered().signum() < 0 || c.recovered().scale() > 2 || c.recovered().compareTo(MAX_RECOVERED) > 0) {
                throw DomainException.invalidField("recovered", "金额应为 0 至 100 亿元、最多两位小数");
            }
        }
    }

    /** Writes the case and its ledger events; answers the new application's id: the batch of one. */
    @WithTransaction
    public Uni<UUID> recordCase(CaseHistoryCommands.ConcludedCase c, AccessScope scope, Actor actor) {
        return recordCases(List.of(c), scope, actor).map(ids -> ids.get(0));
    }

    /**
     * Writes many cases at once (历史台账导入; {@link #recordCase} is the batch of one): the checks of each as one
     * case has them, then one look-up each for the regions, their centres, the providers, the lawyers, the calendar
     * and the application numbers of the whole batch; the applications and their steps go out in Hibernate's JDBC
     * batches and the ledger events through {@link Ledger#recordAll}. All or none; answers the new applications' ids
     * in the order of {@code cases}.
     */
    @WithTransaction
    public Uni<List<UUID>> recordCases(List<CaseHistoryCommands.ConcludedCase> cases, AccessScope scope, Actor actor) {
        boolean bureau = scope.hasRole(Roles.BUREAU_ADMIN) || scope.isSystemAdmin();
        if (!bureau && !(scope.hasRole(Roles.AID_OFFICER) && scope.organisationId() != null)) {
            throw DomainException.forbidden("只有法律援助中心或司法局可以录入历史法律援助案件");
        }
        if (cases.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, TimeSource.CHINA);
        for (CaseHistoryCommands.ConcludedCase c : cases) {
            if (c.regionCode() == null || !RegionCodes.isValid(c.regionCode()) || !scope.covers(c.regionCode())) {
                throw DomainException.invalidField("regionCode", "案件所在地须在本单位服务区域内");
            }
            check(c, today);
        }
        List<String> regions = cases.stream().map(CaseHistoryCommands.ConcludedCase::regionCode).distinct().toList();
        Set<UUID> providerIds = new HashSet<>();
        Set<UUID> lawyerIds = new HashSet<>();
        cases.forEach(c -> {
            if (c.providerOrgId() != null) {
                providerIds.add(c.providerOrgId());
            }
            if (c.providerOrgId() != null && c.lawyerId() != null) {
                lawyerIds.add(c.lawyerId());
            }
        });
        return directory.existingRegions(regions).chain(known -> {
            cases.stream().filter(c -> !known.contains(c.regionCode())).findFirst().ifPresent(c -> {
                throw DomainException.invalidField("regionCode", "行政区划 " + c.regionCode() + " 不存在");
            });
            return directory.nearestCoveringAll(OrganisationType.LEGAL_AID_CENTRE, regions);
        }).chain(centres -> directory.findAll(providerIds).chain(providers -> staff.findAll(lawyerIds).map(lawyers -> {
            List<Organisation> centreOf = new ArrayList<>(cases.size());
            for (CaseHistoryCommands.ConcludedCase c : cases) {
                Organisation centre = centre(c, centres, scope, bureau);
                provider(c, centre, providers, lawyers);
                centreOf.add(centre);
            }
            return centreOf;
        }))).chain(centreOf -> {
            List<WorkCalendar.Period> periods = new ArrayList<>(2 * cases.size());
            for (CaseHistoryCommands.ConcludedCase c : cases) {
                periods.add(new WorkCalendar.Period(c.receivedOn(), config.legalaid().reviewDays(),
                        config.legalaid().dayCounting()));
                periods.add(new WorkCalendar.Period(c.decidedOn(), config.legalaid().assignmentDays(),
                        config.legalaid().dayCounting()));
            }
            return calendar.deadlines(periods).chain(dues -> applications.nextNumbers(cases.size()).chain(numbers -> {
                List<LegalAidApplication> created = new ArrayList<>(cases.size());
                List<ApplicationStep> taken = new ArrayList<>();
                List<Ledger.Entry> events = new ArrayList<>();
                for (int i = 0; i < cases.size(); i++) {
                    created.add(build(cases.get(i), centreOf.get(i), numbers.get(i), dues.get(2 * i),
                            dues.get(2 * i + 1), now, actor, taken, events));
                }
                return applications.persist(created.stream()).chain(() -> steps.persist(taken.stream()))
                        .chain(() -> ledger.recordAll(events))
                        .replaceWith(created.stream().map(a -> a.id).toList());
            }));
        });
    }

    /** The centre whose area the case's region lies in: the caller's own, unless the caller is the bureau. */
    private static Organisation centre(CaseHistoryCommands.ConcludedCase c, Map<String, Organisation> centres,
                                       AccessScope scope, boolean bureau) {
        Organisation centre = centres.get(c.regionCode());
        if (centre == null) {
            throw DomainException.invalidField("regionCode", "该地区尚未设立法律援助中心");
        }
        if (!bureau && !centre.id.equals(scope.organisationId())) {
            throw DomainException.invalidField("regionCode", "该事项不属于本法律援助中心受理的区域");
        }
        return centre;
    }

    /**
     * The application as a 窗口 application and its handling make it, through its own transitions; its steps and
     * ledger events are added to {@code steps} and {@code events}.
     */
    private LegalAidApplication build(CaseHistoryCommands.ConcludedCase c, Organisation centre, long n,
                                      Instant reviewDue, Instant assignmentDue, Instant now, Actor actor,
                                      List<ApplicationStep> steps, List<Ledger.Entry> events) {
        Instant receivedAt = dayStart(c.receivedOn());
        Instant decidedAt = dayStart(c.decidedOn());
        LegalAidApplication a = new LegalAidApplication();
        a.id = UUID.randomUUID();
        a.reference = String.format("LA%d-%06d", c.receivedOn().getYear(), n);
        a.regionCode = c.regionCode();
        a.centreId = centre.id;
        a.matter = c.matter();
        a.serviceType = c.serviceType();
        a.situations = "";
        a.notifiedGrounds = "";
        a.intake = LegalAidApplication.Intake.WINDOW;
        a.enteredBy = actor.accountId();
        sealed.seal(a, c.summary() == null ? "" : c.summary(), null, null);
        String id = c.applicant().idNumber() == null || c.applicant().idNumber().isBlank() ? null
                : c.applicant().idNumber().trim().toUpperCase();
        sealed.sealPerson(a, new NoticeRegistration.NotifiedPerson(c.applicant().name().trim(), c.applicant().sex(), id,
                c.applicant().address()));
        a.status = ApplicationStatus.DRAFT;
        a.createdAt = receivedAt;
        // the timeline as it happened, through the application's own transitions
        a.submit(reviewDue, receivedAt);
        a.receive(receivedAt);
        String reason = c.decisionReason() == null || c.decisionReason().isBlank() ? null : c.decisionReason().trim();
        events.add(event(LegalAidEvents.RECEIVED, a, receivedAt, null));
        if (c.decision() == CaseHistoryCommands.Decision.GRANTED) {
            a.grant(reason == null ? "给予法律援助（历史台账导入）" : reason, assignmentDue, decidedAt);
            Instant assignedAt = dayStart(c.assignedOn());
            a.assign(c.lawyerId(), c.providerOrgId(), assignedAt);
            a.accept(assignedAt);
            events.add(event(LegalAidEvents.GRANTED, a, decidedAt, null));
            events.add(event(AidCounting.assignedKind(a.serviceType), a, a.assignedAt, null));
            if (c.closedOn() != null) {
                a.close(c.outcome(), null, Money.toFen(c.recovered()), null, dayStart(c.closedOn()));
                events.add(event(LegalAidEvents.CLOSED, a, a.closedAt, a.recoveredAmountFen));
            }
        } else {
            a.refuse(reason == null ? "不予法律援助（历史台账导入）" : reason, decidedAt);
            events.add(event(LegalAidEvents.REFUSED, a, decidedAt, null));
        }
        a.provisionalAidGrounds = false;
        List<ApplicationStep> taken = a.drainSteps();
        ApplicationStep marker = new ApplicationStep();
        marker.applicationId = a.id;
        marker.occurredAt = now;
        marker.action = "import-history";
        marker.fromStatus = a.status;
        marker.toStatus = a.status;
        marker.note = "历史台账导入（案件材料在纸质卷宗）";
        List<ApplicationStep> all = new ArrayList<>(taken);
        all.add(marker);
        all.forEach(st -> {
            st.actorId = actor.accountId();
            st.actorRole = Roles.AID_OFFICER;
        });
        steps.addAll(all);
        return a;
    }

    /**
     * The provider of a grant: the centre itself or a law firm in its county; the lawyer, when given, a LAWYER of that
     * provider (a lawyer who has since left still counts for the past case).
     */
    private static void provider(CaseHistoryCommands.ConcludedCase c, Organisation centre,
                                 Map<UUID, Organisation> providers, Map<UUID, StaffService.StaffRef> lawyers) {
        if (c.providerOrgId() == null) {
            return;
        }
        Organisation org = providers.get(c.providerOrgId());
        if (org == null) {
            throw new NotFound("机构", c.providerOrgId());
        }
        boolean ok = org.id.equals(centre.id) || (org.type == OrganisationType.LAW_FIRM
                && RegionCodes.within(org.regionCode, centre.regionCode));
        if (!ok) {
            throw DomainException.invalidField("providerOrgId", "承办机构须为本中心或本县的律师事务所");
        }
        if (c.lawyerId() == null) {
            return;
        }
        StaffService.StaffRef l = lawyers.get(c.lawyerId());
        if (l == null || !l.roles().contains(Roles.LAWYER) || !org.id.equals(l.organisationId())) {
            throw DomainException.invalidField("lawyerId", "承办人不是该承办机构的律师");
        }
    }

    private static Instant dayStart(LocalDate day) {
        return day.atStartOfDay(TimeSource.CHINA).toInstant();
    }

    private static Ledger.Entry event(String kind, LegalAidApplication a, Instant at, Long amountFen) {
        return new Ledger.Entry(kind, a.regionCode, a.centreId, at, 1, amountFen, SOURCE_APPLICATION, a.id);
    }
}
