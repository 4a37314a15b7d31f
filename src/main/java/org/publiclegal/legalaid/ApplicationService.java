package org.publiclegal.legalaid;

import org.publiclegal.legalaid.eligibility.EligibilityInput;
import org.publiclegal.legalaid.eligibility.EligibilityService;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.identity.ProfileService;
import org.publiclegal.legalaid.ApplicationTransitions.Capacity;
import org.publiclegal.region.OrganisationService;
import org.publiclegal.region.OrganisationType;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.audit.AuditTrail;
import org.publiclegal.shared.calendar.WorkCalendar;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.Money;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.problem.ErrorCode;
import org.publiclegal.shared.problem.Problem.FieldError;
import org.publiclegal.shared.security.AccessScope;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** The applicant's side of legal aid: apply, attach materials, submit, withdraw, supplement, object, rate. */
@ApplicationScoped
public class ApplicationService {

    /** Keeps "my matters" and the notices up to date (issue 11). */
    @jakarta.inject.Inject
    org.publiclegal.notification.MatterUpdates matters;

    private final ApplicationRepository applications;
    private final StepRepository steps;
    private final MaterialRepository materials;
    private final ApplicationTransitions transitions;
    private final EligibilityService eligibility;
    private final SealedDetails sealed;
    private final ProfileService profiles;
    private final OrganisationService directory;
    private final WorkCalendar calendar;
    private final AuditTrail audit;
    private final AppConfig config;
    private final Clock clock;

    public ApplicationService(ApplicationRepository applications, StepRepository steps, MaterialRepository materials,
                              ApplicationTransitions transitions, EligibilityService eligibility, SealedDetails sealed,
                              ProfileService profiles, OrganisationService directory, WorkCalendar calendar,
                              AuditTrail audit, AppConfig config, Clock clock) {
        this.applications = applications;
        this.steps = steps;
        this.materials = materials;
        this.transitions = transitions;
        this.eligibility = eligibility;
        this.sealed = sealed;
        this.profiles = profiles;
        this.directory = directory;
        this.calendar = calendar;
        this.audit = audit;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Saves a new application as a draft, routed to the legal aid centre covering the matter's region, and returns
     * its case file as written (no re-read).
     */
    @WithTransaction
    public Uni<ApplicationFile> create(UUID applicantId, ApplicationCommands.Draft r, AccessScope scope, Actor actor) {
        return draft(r, actor, Capacity.APPLICANT, profiles.hasCompleteProfile(applicantId).invoke(complete -> {
            if (!complete) {
                throw DomainException.rule("申请法律援助前请先在“我的”中完善实名信息");
            }
        }).replaceWithVoid(), null, a -> a.applicantId = applicantId, scope);
    }

    /**
     * A walk-in application entered at the 窗口 by an AID_OFFICER on the applicant's behalf, once the applicant's
     * identity was checked at the counter: a draft of the officer's own centre, with the same materials and
     * rules as the app; the officer attaches the materials and submits it.
     */
    @WithTransaction
    public Uni<ApplicationFile> createAtWindow(ApplicationCommands.Draft r, NoticeRegistration.NotifiedPerson applicant,
                                                   boolean identityChecked, AccessScope scope, Actor actor) {
        if (!scope.hasRole(org.publiclegal.shared.security.Roles.AID_OFFICER) || scope.organisationId() == null) {
            throw DomainException.forbidden("只有法律援助中心的工作人员可以在窗口代为录入申请");
        }
        if (!identityChecked) {
            throw DomainException.invalidField("identityChecked", "请先在窗口核验申请人身份证件");
        }
        String idNumber = applicant.idNumber() == null ? "" : applicant.idNumber().trim().toUpperCase();
        if (!org.publiclegal.shared.validation.ChineseIdNumber.Validator.isValidNumber(idNumber)) {
            throw DomainException.invalidField("applicant.idNumber", "身份证号码无效");
        }
        NoticeRegistration.NotifiedPerson person = new NoticeRegistration.NotifiedPerson(applicant.name().trim(),
                applicant.sex(), idNumber, applicant.address());
        return draft(r, actor, Capacity.CENTRE, Uni.createFrom().voidItem(), scope.organisationId(), a -> {
            a.intake = LegalAidApplication.Intake.WINDOW;
            a.enteredBy = actor.accountId();
            sealed.sealPerson(a, person);
        }, scope);
    }

    private Uni<ApplicationFile> draft(ApplicationCommands.Draft r, Actor actor, Capacity by, Uni<Void> precheck,
                                       UUID requiredCentre, java.util.function.Consumer<LegalAidApplication> who,
                                       AccessScope scope) {
        boolean meansTestWaived = r.exemption() != null || !isEmpty(r.situations()) || !isEmpty(r.notifiedGrounds());
        if (r.finances() == null && !meansTestWaived) {
            throw DomainException.invalidField("finances", "请填写家庭经济状况，或选择免予核查的情形（第四十二条）");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, TimeSource.CHINA);
        return precheck.chain(() -> directory.regionExists(r.regionCode())).chain(exists -> {
            if (!exists) {
                throw DomainException.invalidField("regionCode", "行政区划 " + r.regionCode() + " 不存在");
            }
            return directory.nearestCovering(OrganisationType.LEGAL_AID_CENTRE, r.regionCode());
        }).chain(centre -> {
            if (centre == null) {
                throw DomainException.invalidField("regionCode", "该地区尚未设立法律援助中心，请选择其他地区或拨打 12348 咨询");
            }
            if (requiredCentre != null && !requiredCentre.equals(centre.id)) {
                throw DomainException.invalidField("regionCode", "该事项不属于本法律援助中心受理的区域");
            }
            EligibilityInput input = new EligibilityInput(r.matter(), setOf(r.situations(), Art32Situation.class),
                    setOf(r.notifiedGrounds(), NotifiedDefenceGround.class), r.retrialOrdered(), r.hasOwnLawyer(),
                    r.exemption(), r.finances(), r.regionCode(), today);
            return eligibility.check(input).chain(result -> applications.nextNumber().map(n -> {
                LegalAidApplication a = new LegalAidApplication();
                a.id = UUID.randomUUID();
                a.reference = String.format("LA%d-%06d", today.getYear(), n);
                a.regionCode = r.regionCode();
                a.centreId = centre.id;
                a.matter = r.matter();
                a.serviceType = r.serviceType();
                a.situations = join(r.situations());
                a.notifiedGrounds = join(r.notifiedGrounds());
                a.retrialOrdered = r.retrialOrdered();
                a.exemption = r.exemption();
                sealed.seal(a, r.summary(), r.opposingParty(), r.finances());
                who.accept(a);
                a.amountInDisputeFen = Money.toFen(r.amountInDispute());
                a.limitationEndsOn = r.limitationEndsOn();
                a.urgentPreservation = r.urgentPreservation();
                a.provisionalAidGrounds = LegalAidApplication.hasProvisionalAidGrounds(r.limitationEndsOn(),
                        r.urgentPreservation(), today);
                a.eligibilityOutcome = result.outcome().name();
                a.hardshipStandardId = result.standard() == null ? null : result.standard().id();
                a.status = ApplicationStatus.DRAFT;
                a.createdAt = now;
                return a;
            }));
        }).chain(applications::persist).chain(a -> {
            ApplicationStep step = new ApplicationStep();
            step.applicationId = a.id;
            step.occurredAt = now;
            step.action = "create";
            step.toStatus = ApplicationStatus.DRAFT;
            step.actorId = actor.accountId();
            step.actorRole = by.role;
            step.note = a.intake == LegalAidApplication.Intake.WINDOW ? "窗口代为录入（已核验申请人身份）"
                    + (a.provisionalAidGrounds ? "；具备先行提供法律援助情形（第四十四条）" : "")
                    : a.provisionalAidGrounds ? "具备先行提供法律援助情形（第四十四条）" : null;
            return steps.persist(step).call(() -> matters.newLegalAid(a))
                    .chain(() -> fileOf(a, List.of(step), List.of(), scope, actor));
        });
    }

    /** Submits a draft once every required kind of material is attached. */
    @WithTransaction
    public Uni<LegalAidApplication> submit(UUID id, AccessScope scope, Actor actor) {
        Instant now = clock.instant();
        // the applicant submits their own draft; the centre submits a draft it prepared at the 窗口 (the visibility
        // rules keep each from the other's drafts)
        Capacity by = scope.isResident() ? Capacity.APPLICANT : Capacity.CENTRE;
        return transitions.apply(id, scope, actor, by, a -> materials.of(a.id).invoke(list -> {
            Set<MaterialCategory> have = list.stream().map(m -> m.category)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(MaterialCategory.class)));
            List<FieldError> missing = new ArrayList<>();
            for (MaterialCategory needed : RequiredMaterials.of(a)) {
                if (!have.contains(needed)) {
                    missing.add(new FieldError("materials", "缺少材料：" + RequiredMaterials.label(needed)));
                }
            }
            if (!missing.isEmpty()) {
                throw new DomainException(ErrorCode.VALIDATION_FAILED, "提交前请上传："
                        + missing.stream().map(FieldError::message).collect(Collectors.joining("；")), missing, List.of());
            }
        }).chain(() -> calendar.deadline(now, config.legalaid().reviewDays(), config.legalaid().dayCounting()))
                .invoke(reviewDue -> a.submit(reviewDue, now)));
    }

    @WithTransaction
    public Uni<LegalAidApplication> withdraw(UUID id, String reason, AccessScope scope, Actor actor) {
        return transitions.apply(id, scope, actor, Capacity.APPLICANT, a -> {
            a.withdraw(clock.instant(), reason);
            return Uni.createFrom().voidItem();
        });
    }

    /** The applicant says the missing materials are now attached: review resumes. */
    @WithTransaction
    public Uni<LegalAidApplication> supplement(UUID id, String note, AccessScope scope, Actor actor) {
        return transitions.apply(id, scope, actor, Capacity.APPLICANT, a -> {
            a.supplement(clock.instant(), note);
            return Uni.createFrom().voidItem();
        });
    }

    /** Art. 49 objection against a refusal or termination. */
    @WithTransaction
    public Uni<LegalAidApplication> object(UUID id, String reason, AccessScope scope, Actor actor) {
        Instant now = clock.instant();
        return transitions.apply(id, scope, actor, Capacity.APPLICANT, a ->
                calendar.deadline(now, config.legalaid().objectionDays(), config.legalaid().dayCounting())
                        .invoke(due -> a.object(reason, due, now)));
    }

    @WithTransaction
    public Uni<LegalAidApplication> rate(UUID id, int stars, String comment, AccessScope scope, Actor actor) {
        return transitions.apply(id, scope, actor, Capacity.APPLICANT, a -> {
            a.rate(stars, comment, clock.instant());
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * An application with its timeline and materials. Those who handle it see the personal data (a staff read is
     * audited); those who only watch (a 司法所) see the case without it.
     * <p>
     * Read in a session, not a transaction: under READ COMMITTED each select takes its own snapshot inside a
     * transaction too, so BEGIN/COMMIT gave the three selects nothing but two more round trips (and a flush). A
     * staff read's audit record is written in a transaction of its own before the file is returned.
     */
    @WithSession
    public Uni<ApplicationFile> file(UUID id, AccessScope scope, Actor actor) {
        return transitions.load(id, scope).chain(a -> steps.timeline(id).chain(timeline -> materials.of(id)
                .chain(list -> fileOf(a, timeline, list, scope, actor))));
    }

    /** The case file of a loaded (or just written) application; a staff read of its personal data is audited. */
    private Uni<ApplicationFile> fileOf(LegalAidApplication a, List<ApplicationStep> timeline, List<Material> list,
                                        AccessScope scope, Actor actor) {
        ApplicationFile f = new ApplicationFile(a, ApplicationTransitions.handles(a, scope) ? sealed.open(a)
                : SealedDetails.Details.WITHHELD, person(a, scope), timeline, list);
        return scope.isResident() || f.details() == SealedDetails.Details.WITHHELD ? Uni.createFrom().item(f)
                : Panache.withTransaction(() -> audit.record(actor, "PERSONAL_DATA_READ", "aid_application", a.id,
                        a.regionCode, "法律援助申请详情（案情、对方当事人、经济状况）")).replaceWith(f);
    }

    /** An application, its personal data in the clear, its timeline and materials. */
    public record ApplicationFile(LegalAidApplication application, SealedDetails.Details details,
                                  NoticeRegistration.NotifiedPerson person, List<ApplicationStep> timeline,
                                  List<Material> materials) {
    }

    /** The person aided of a notice case: in the clear for those who handle it, masked for those who watch. */
    private NoticeRegistration.NotifiedPerson person(LegalAidApplication a, AccessScope scope) {
        NoticeRegistration.NotifiedPerson p = sealed.openPerson(a);
        if (p == null || ApplicationTransitions.handles(a, scope)) {
            return p;
        }
        return new NoticeRegistration.NotifiedPerson(org.publiclegal.shared.crypto.Masking.name(p.name()), p.sex(),
                org.publiclegal.shared.crypto.Masking.idNumber(p.idNumber()),
                org.publiclegal.shared.crypto.Masking.address(p.address()));
    }

    private static boolean isEmpty(Set<?> s) {
        return s == null || s.isEmpty();
    }

    private static <E extends Enum<E>> Set<E> setOf(Set<E> s, Class<E> type) {
        return s == null || s.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(s);
    }

    private static String join(Set<? extends Enum<?>> s) {
        return s == null ? "" : s.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
    }
}
