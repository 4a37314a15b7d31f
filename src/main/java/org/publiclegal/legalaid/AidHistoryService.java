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
import java.util.List;
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

    /** Writes the case and its ledger events; answers the new application's id. */
    @WithTransaction
    public Uni<UUID> recordCase(CaseHistoryCommands.ConcludedCase c, AccessScope scope, Actor actor) {
        boolean bureau = scope.hasRole(Roles.BUREAU_ADMIN) || scope.isSystemAdmin();
        if (!bureau && !(scope.hasRole(Roles.AID_OFFICER) && scope.organisationId() != null)) {
            throw DomainException.forbidden("只有法律援助中心或司法局可以录入历史法律援助案件");
        }
        if (c.regionCode() == null || !RegionCodes.isValid(c.regionCode()) || !scope.covers(c.regionCode())) {
            throw DomainException.invalidField("regionCode", "案件所在地须在本单位服务区域内");
        }
        Instant now = clock.instant();
        check(c, LocalDate.ofInstant(now, TimeSource.CHINA));
        return directory.regionExists(c.regionCode()).chain(exists -> {
            if (!exists) {
                throw DomainException.invalidField("regionCode", "行政区划 " + c.regionCode() + " 不存在");
            }
            return directory.nearestCovering(OrganisationType.LEGAL_AID_CENTRE, c.regionCode());
        }).chain(centre -> {
            if (centre == null) {
                throw DomainException.invalidField("regionCode", "该地区尚未设立法律援助中心");
            }
            if (!bureau && !centre.id.equals(scope.organisationId())) {
                throw DomainException.invalidField("regionCode", "该事项不属于本法律援助中心受理的区域");
            }
            return provider(c, centre).chain(() -> calendar.deadline(c.receivedOn(), config.legalaid().reviewDays(),
                            config.legalaid().dayCounting()))
                    .chain(reviewDue -> calendar.deadline(c.decidedOn(), config.legalaid().assignmentDays(),
                                    config.legalaid().dayCounting())
                            .chain(assignmentDue -> applications.nextNumber()
                                    .chain(n -> write(c, centre, n, reviewDue, assignmentDue, now, actor))))
                    .map(a -> a.id);
        });
    }

    private Uni<LegalAidApplication> write(CaseHistoryCommands.ConcludedCase c, Organisation centre, long n,
                                           Instant reviewDue, Instant assignmentDue, Instant now, Actor actor) {
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
        if (c.decision() == CaseHistoryCommands.Decision.GRANTED) {
            a.grant(reason == null ? "给予法律援助（历史台账导入）" : reason, assignmentDue, decidedAt);
            Instant assignedAt = dayStart(c.assignedOn());
            a.assign(c.lawyerId(), c.providerOrgId(), assignedAt);
            a.accept(assignedAt);
            if (c.closedOn() != null) {
                a.close(c.outcome(), null, Money.toFen(c.recovered()), null, dayStart(c.closedOn()));
            }
        } else {
            a.refuse(reason == null ? "不予法律援助（历史台账导入）" : reason, decidedAt);
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
        List<ApplicationStep> all = new java.util.ArrayList<>(taken);
        all.add(marker);
        all.forEach(st -> {
            st.actorId = actor.accountId();
            st.actorRole = Roles.AID_OFFICER;
        });
        Uni<?> written = applications.persist(a).chain(() -> steps.persist(all.stream()))
                .chain(() -> event(LegalAidEvents.RECEIVED, a, receivedAt, null));
        if (c.decision() == CaseHistoryCommands.Decision.GRANTED) {
            written = written.chain(() -> event(LegalAidEvents.GRANTED, a, decidedAt, null))
                    .chain(() -> event(AidCounting.assignedKind(a.serviceType), a, a.assignedAt, null));
            if (c.closedOn() != null) {
                written = written.chain(() -> event(LegalAidEvents.CLOSED, a, a.closedAt, a.recoveredAmountFen));
            }
        } else {
            written = written.chain(() -> event(LegalAidEvents.REFUSED, a, decidedAt, null));
        }
        return written.replaceWith(a);
    }

    /**
     * The provider of a grant: the centre itself or a law firm in its county; the lawyer, when given, a LAWYER of that
     * provider (a lawyer who has since left still counts for the past case).
     */
    private Uni<Void> provider(CaseHistoryCommands.ConcludedCase c, Organisation centre) {
        if (c.providerOrgId() == null) {
            return Uni.createFrom().voidItem();
        }
        return directory.get(c.providerOrgId()).chain(org -> {
            boolean ok = org.id.equals(centre.id) || (org.type == OrganisationType.LAW_FIRM
                    && RegionCodes.within(org.regionCode, centre.regionCode));
            if (!ok) {
                throw DomainException.invalidField("providerOrgId", "承办机构须为本中心或本县的律师事务所");
            }
            if (c.lawyerId() == null) {
                return Uni.createFrom().voidItem();
            }
            return staff.find(c.lawyerId()).invoke(l -> {
                if (l == null || !l.roles().contains(Roles.LAWYER) || !org.id.equals(l.organisationId())) {
                    throw DomainException.invalidField("lawyerId", "承办人不是该承办机构的律师");
                }
            }).replaceWithVoid();
        });
    }

    private static Instant dayStart(LocalDate day) {
        return day.atStartOfDay(TimeSource.CHINA).toInstant();
    }

    private Uni<Void> event(String kind, LegalAidApplication a, Instant at, Long amountFen) {
        return ledger.record(kind, a.regionCode, a.centreId, at, 1, amountFen, SOURCE_APPLICATION, a.id).replaceWithVoid();
    }
}
