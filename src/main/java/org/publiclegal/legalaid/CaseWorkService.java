package org.publiclegal.legalaid;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.advisory.AdvisorService;
import org.publiclegal.identity.StaffService;
import org.publiclegal.legalaid.ApplicationTransitions.Capacity;
import org.publiclegal.region.OrganisationService;
import org.publiclegal.region.OrganisationType;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.calendar.WorkCalendar;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.Money;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.validation.ChineseIdNumber;
import org.publiclegal.shared.validation.DateBounds;
import org.publiclegal.shared.ledger.Ledger;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.security.Roles;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Collectors;
import java.util.List;
import java.util.UUID;

import static org.publiclegal.legalaid.LegalAidEvents.SOURCE_APPLICATION;

/**
 * The centre's, the lawyer's and the justice bureau's steps on an application. Each countable act is
 * written to the ledger in the same transaction ({@link LegalAidEvents}).
 */
@ApplicationScoped
public class CaseWorkService {

    private final ApplicationTransitions transitions;
    private final StaffService staff;
    private final OrganisationService directory;
    private final WorkCalendar calendar;
    private final Ledger ledger;
    private final AppConfig config;
    private final Clock clock;
    private final ApplicationRepository applications;
    private final StepRepository steps;
    private final SealedDetails sealed;
    private final AdvisorService practice;

    public CaseWorkService(ApplicationTransitions transitions, StaffService staff, OrganisationService directory,
                           WorkCalendar calendar, Ledger ledger, AppConfig config, Clock clock,
                           ApplicationRepository applications, StepRepository steps, SealedDetails sealed,
                           AdvisorService practice) {
        this.applications = applications;
        this.steps = steps;
        this.sealed = sealed;
        this.practice = practice;
        this.transitions = transitions;
        this.staff = staff;
        this.directory = directory;
        this.calendar = calendar;
        this.ledger = ledger;
        this.config = config;
        this.clock = clock;
    }

    /**
     * 受理审查. A notified defence (Art. 25, 28) needs no means test: it is granted at once and the 3-day
     * assignment clock (Art. 36) starts.
     */
    @WithTransaction
    public Uni<LegalAidApplication> receive(UUID id, AccessScope scope, Actor actor) {
        Instant now = clock.instant();
        return transitions.apply(id, scope, actor, Capacity.CENTRE, a -> {
            a.receive(now);
            Uni<Void> received = event(LegalAidEvents.RECEIVED, a, now, null);
            if (!a.isNotifiedDefence()) {
                return received;
            }
            return received.chain(() -> deadline(now, config.legalaid().assignmentDays()))
                    .invoke(due -> a.grant("通知辩护，免予经济状况审查（《法律援助法》第二十五条、第三十六条）", due, now))
                    .chain(() -> event(LegalAidEvents.GRANTED, a, now, null))
                    .chain(() -> a.status == ApplicationStatus.ASSIGNED
                            ? event(AidCounting.assignedKind(a.serviceType), a, now, null) : Uni.createFrom().voidItem());
        });
    }

    /**
     * 登记通知辩护/通知代理 from a notice of a court, procuratorate or public-security organ, by an AID_OFFICER of
     * the centre: no means test; received and granted on the date the notice was received (counted like an app
     * case granted then), and the Art. 36 three-day assignment clock runs from that date.
     */
    @WithTransaction
    public Uni<LegalAidApplication> registerNotice(NoticeRegistration r, AccessScope scope, Actor actor) {
        if (!scope.hasRole(Roles.AID_OFFICER) || scope.organisationId() == null) {
            throw DomainException.forbidden("只有法律援助中心的工作人员可以登记通知辩护");
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, TimeSource.CHINA);
        if (r.receivedOn().isAfter(today)) {
            throw DomainException.invalidField("receivedOn", "收到通知的日期不能晚于今天");
        }
        if (r.receivedOn().isBefore(DateBounds.EARLIEST)) {
            throw DomainException.invalidField("receivedOn", "收到通知的日期不能早于 2000-01-01");
        }
        String idNumber = r.person().idNumber() == null || r.person().idNumber().isBlank() ? null
                : r.person().idNumber().trim().toUpperCase();
        if (idNumber != null && !ChineseIdNumber.Validator.isValidNumber(idNumber)) {
            throw DomainException.invalidField("person.idNumber", "身份证号码无效");
        }
        Instant receivedAt = r.receivedOn().equals(today) ? now : r.receivedOn().atStartOfDay(TimeSource.CHINA).toInstant();
        UUID centreId = scope.organisationId();
        return directory.get(centreId).chain(centre -> {
            String region = r.regionCode() == null ? centre.regionCode : r.regionCode();
            if (!org.publiclegal.shared.domain.RegionCodes.within(region, centre.regionCode)) {
                throw DomainException.invalidField("regionCode", "案件所在地须在本中心服务区域内");
            }
            return directory.regionExists(region).chain(exists -> {
                if (!exists) {
                    throw DomainException.invalidField("regionCode", "行政区划 " + region + " 不存在");
                }
                return calendar.deadline(r.receivedOn(), config.legalaid().noticeAssignmentDays(),
                        config.legalaid().dayCounting());
            }).chain(due -> applications.nextNumber().chain(n -> {
                LegalAidApplication a = new LegalAidApplication();
                a.id = UUID.randomUUID();
                a.reference = String.format("LA%d-%06d", today.getYear(), n);
                a.regionCode = region;
                a.centreId = centreId;
                a.matter = AidMatter.CRIMINAL_DEFENCE;
                a.serviceType = AidServiceType.CRIMINAL_DEFENCE_OR_REPRESENTATION;
                a.situations = "";
                a.notifiedGrounds = r.grounds().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
                a.noticeKind = r.kind();
                a.noticeBodyKind = r.bodyKind();
                a.noticeBodyName = r.bodyName().trim();
                a.noticeDocumentNumber = r.documentNumber().trim();
                a.noticeReceivedOn = r.receivedOn();
                a.enteredBy = actor.accountId();
                sealed.seal(a, r.caseSummary(), null, null);
                sealed.sealPerson(a, new NoticeRegistration.NotifiedPerson(r.person().name().trim(), r.person().sex(),
                        idNumber, r.person().address()));
                a.registerNotice(receivedAt, due, now);
                List<ApplicationStep> taken = a.drainSteps();
                taken.forEach(st -> {
                    st.actorId = actor.accountId();
                    st.actorRole = Capacity.CENTRE.role;
                });
                return applications.persistAndFlush(a)
                        .onFailure(org.hibernate.exception.ConstraintViolationException.class).transform(e ->
                                DomainException.conflict(r.bodyName() + " 的通知 " + r.documentNumber() + " 已经登记"))
                        .chain(() -> steps.persist(taken.stream()))
                        .chain(() -> event(LegalAidEvents.RECEIVED, a, receivedAt, null))
                        .chain(() -> event(LegalAidEvents.GRANTED, a, receivedAt, null))
                        .replaceWith(a);
            }));
        });
    }

    /** 一次性告知补正. */
    @WithTransaction
    public Uni<LegalAidApplication> requestMaterials(UUID id, List<String> items, Integer dueInDays, AccessScope scope,
                                                     Actor actor) {
        Instant now = clock.instant();
        int days = dueInDays == null ? config.legalaid().supplementDays() : dueInDays;
        return transitions.apply(id, scope, actor, Capacity.CENTRE, a -> deadline(now, days)
                .invoke(due -> a.requestMaterials(String.join("；", items), due,
                        config.legalaid().pauseReviewDuringSupplement(), now)));
    }

    /** 决定给予法律援助. */
    @WithTransaction
    public Uni<LegalAidApplication> grant(UUID id, String reason, AccessScope scope, Actor actor) {
        Instant now = clock.instant();
        return transitions.apply(id, scope, actor, Capacity.CENTRE, a -> deadline(now, config.legalaid().assignmentDays())
                .invoke(due -> a.grant(reason, due, now))
                .chain(() -> event(LegalAidEvents.GRANTED, a, now, null))
                .chain(() -> a.status == ApplicationStatus.ASSIGNED
                        ? event(AidCounting.assignedKind(a.serviceType), a, now, null) : Uni.createFrom().voidItem()));
    }

    /** 决定不予法律援助, with written reasons. */
    @WithTransaction
    public Uni<LegalAidApplication> refuse(UUID id, String reason, AccessScope scope, Actor actor) {
        Instant now = clock.instant();
        return transitions.apply(id, scope, actor, Capacity.CENTRE, a -> {
            a.refuse(reason, now);
            return event(LegalAidEvents.REFUSED, a, now, null);
        });
    }

    /** 指派: a LAWYER of a law firm in the centre's county, or of the centre itself. */
    @WithTransaction
    public Uni<LegalAidApplication> assign(UUID id, UUID lawyerId, AccessScope scope, Actor actor) {
        Instant now = clock.instant();
        return transitions.apply(id, scope, actor, Capacity.CENTRE, a -> provider(a, lawyerId)
                .invoke(lawyer -> a.assign(lawyer.id(), lawyer.organisationId(), now))
                .chain(() -> event(AidCounting.assignedKind(a.serviceType), a, now, null)));
    }

    /** Art. 44 先行提供. */
    @WithTransaction
    public Uni<LegalAidApplication> assignProvisionally(UUID id, UUID lawyerId, AccessScope scope, Actor actor) {
        Instant now = clock.instant();
        return transitions.apply(id, scope, actor, Capacity.CENTRE, a -> provider(a, lawyerId)
                .invoke(lawyer -> a.assignProvisionally(lawyer.id(), lawyer.organisationId(), now)));
    }

    @WithTransaction
    public Uni<LegalAidApplication> terminate(UUID id, TerminationGround ground, String reason, AccessScope scope,
                                              Actor actor) {
        Instant now = clock.instant();
        return transitions.apply(id, scope, actor, Capacity.CENTRE, a -> {
            a.terminate(ground, reason, now);
            return event(LegalAidEvents.TERMINATED, a, now, null);
        });
    }

    @WithTransaction
    public Uni<LegalAidApplication> accept(UUID id, AccessScope scope, Actor actor) {
        return transitions.apply(id, scope, actor, Capacity.LAWYER, a -> {
            a.accept(clock.instant());
            return Uni.createFrom().voidItem();
        });
    }

    @WithTransaction
    public Uni<LegalAidApplication> progressNote(UUID id, String note, AccessScope scope, Actor actor) {
        return transitions.apply(id, scope, actor, Capacity.LAWYER, a -> {
            a.progressNote(note, clock.instant());
            return Uni.createFrom().voidItem();
        });
    }

    /** 结案: the recovered/avoided amount goes to the ledger as 避免和挽回经济损失. */
    @WithTransaction
    public Uni<LegalAidApplication> close(UUID id, CaseOutcome outcome, BigDecimal awarded, BigDecimal recovered,
                                          String report, AccessScope scope, Actor actor) {
        Instant now = clock.instant();
        return transitions.apply(id, scope, actor, Capacity.LAWYER, a -> {
            a.close(outcome, Money.toFen(awarded), Money.toFen(recovered), report, now);
            return event(LegalAidEvents.CLOSED, a, now, a.recoveredAmountFen);
        });
    }

    /** Art. 49: the justice bureau upholds or corrects a refusal or termination. */
    @WithTransaction
    public Uni<LegalAidApplication> decideObjection(UUID id, boolean uphold, String reason, AccessScope scope,
                                                    Actor actor) {
        Instant now = clock.instant();
        return transitions.apply(id, scope, actor, Capacity.BUREAU, a -> deadline(now, config.legalaid().assignmentDays())
                .invoke(due -> a.decideObjection(uphold, reason, due, now))
                .chain(() -> {
                    if (uphold) {
                        return Uni.createFrom().voidItem();
                    }
                    if (a.statusBeforeObjection == ApplicationStatus.REFUSED) {
                        return ledger.reverse(LegalAidEvents.REFUSED, SOURCE_APPLICATION, a.id, now)
                                .chain(() -> event(LegalAidEvents.GRANTED, a, now, null));
                    }
                    return ledger.reverse(LegalAidEvents.TERMINATED, SOURCE_APPLICATION, a.id, now);
                }));
    }

    private Uni<Instant> deadline(Instant from, int days) {
        return calendar.deadline(from, days, config.legalaid().dayCounting());
    }

    private Uni<Void> event(String kind, LegalAidApplication a, Instant at, Long amountFen) {
        return ledger.record(kind, a.regionCode, a.centreId, at, 1, amountFen, SOURCE_APPLICATION, a.id)
                .replaceWithVoid();
    }

    /**
     * The lawyer must be an active LAWYER of the centre itself or of a law firm in the case's county, and for an
     * Art. 26 case (life imprisonment, death penalty, death-penalty review) have the years of practice required.
     */
    private Uni<StaffService.StaffRef> provider(LegalAidApplication a, UUID lawyerId) {
        return eligibleProvider(a, lawyerId).call(lawyer -> !a.needsExperiencedLawyer() ? Uni.createFrom().voidItem()
                : practice.firstPracticeYear(lawyer.id()).invoke(first -> a.requireExperiencedLawyer(first,
                        config.legalaid().seriousCaseMinimumPracticeYears(),
                        LocalDate.ofInstant(clock.instant(), TimeSource.CHINA))));
    }

    private Uni<StaffService.StaffRef> eligibleProvider(LegalAidApplication a, UUID lawyerId) {
        return staff.find(lawyerId).chain(lawyer -> {
            if (lawyer == null || !lawyer.active() || !lawyer.roles().contains(Roles.LAWYER)) {
                throw DomainException.invalidField("lawyerId", "所选人员不是可承办法律援助的律师");
            }
            if (lawyer.organisationId().equals(a.centreId)) {
                return Uni.createFrom().item(lawyer);
            }
            return directory.get(lawyer.organisationId()).map(org -> {
                if (org.type != OrganisationType.LAW_FIRM) {
                    throw DomainException.invalidField("lawyerId", "承办人员须为律师事务所律师或本中心律师");
                }
                return lawyer;
            }).chain(l -> directory.get(a.centreId).map(centre -> {
                if (!org.publiclegal.shared.domain.RegionCodes.within(l.regionCode(), centre.regionCode)) {
                    throw DomainException.invalidField("lawyerId", "承办律师所在律所不在本中心服务区域内");
                }
                return l;
            }));
        });
    }
}
