package org.publiclegal.legalaid;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.identity.StaffService;
import org.publiclegal.legalaid.ApplicationTransitions.Capacity;
import org.publiclegal.region.OrganisationService;
import org.publiclegal.region.OrganisationType;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.calendar.WorkCalendar;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.Money;
import org.publiclegal.shared.ledger.Ledger;
import org.publiclegal.shared.security.AccessScope;
import org.publiclegal.shared.security.Roles;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
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

    public CaseWorkService(ApplicationTransitions transitions, StaffService staff, OrganisationService directory,
                           WorkCalendar calendar, Ledger ledger, AppConfig config, Clock clock) {
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
                            ? event(LegalAidEvents.ASSIGNED, a, now, null) : Uni.createFrom().voidItem());
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
                        ? event(LegalAidEvents.ASSIGNED, a, now, null) : Uni.createFrom().voidItem()));
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
                .chain(() -> event(LegalAidEvents.ASSIGNED, a, now, null)));
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

    /** The lawyer must be an active LAWYER of the centre itself or of a law firm in the case's county. */
    private Uni<StaffService.StaffRef> provider(LegalAidApplication a, UUID lawyerId) {
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
