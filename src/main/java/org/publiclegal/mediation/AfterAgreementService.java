package org.publiclegal.mediation;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.mediation.DisputeAccess.Capacity;
import org.publiclegal.region.OrganisationService;
import org.publiclegal.region.OrganisationType;
import org.publiclegal.shared.audit.Actor;
import org.publiclegal.shared.calendar.DayCounting;
import org.publiclegal.shared.calendar.WorkCalendar;
import org.publiclegal.shared.config.AppConfig;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.ledger.Ledger;
import org.publiclegal.shared.security.AccessScope;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.publiclegal.mediation.MediationStatus.ACCEPTED;
import static org.publiclegal.mediation.MediationStatus.AGREEMENT_PENDING;
import static org.publiclegal.mediation.MediationStatus.IN_MEDIATION;

/**
 * 调解会议与笔录, 司法确认 (with its 30-day window) and 回访, recorded by the committee's mediators. What may happen
 * after the agreement took effect, and in which order, is {@link Aftermath}; this service loads and stores.
 */
@ApplicationScoped
@WithSession
public class AfterAgreementService {

    /** Keeps "my matters" and the notices up to date (issue 11). */
    @jakarta.inject.Inject
    org.publiclegal.notification.MatterUpdates matters;

    private final DisputeAccess access;
    private final AgreementRepository agreements;
    private final JudicialConfirmationRepository confirmations;
    private final FollowUpRepository followUps;
    private final MediationSessionRepository sessions;
    private final MediationSeal seal;
    private final OrganisationService directory;
    private final Ledger ledger;
    private final AppConfig config;
    private final WorkCalendar calendar;
    private final Clock clock;

    public AfterAgreementService(DisputeAccess access, AgreementRepository agreements,
                                 JudicialConfirmationRepository confirmations, FollowUpRepository followUps,
                                 MediationSessionRepository sessions, MediationSeal seal,
                                 OrganisationService directory, Ledger ledger, AppConfig config, WorkCalendar calendar,
                                 Clock clock) {
        this.confirmations = confirmations;
        this.followUps = followUps;
        this.sessions = sessions;
        this.calendar = calendar;
        this.access = access;
        this.agreements = agreements;
        this.seal = seal;
        this.directory = directory;
        this.ledger = ledger;
        this.config = config;
        this.clock = clock;
    }

    @WithTransaction
    public Uni<MediationSession> schedule(UUID id, Instant at, Dispute.Mode mode, String place, String videoLink,
                                          AccessScope scope, Actor actor) {
        if (mode == Dispute.Mode.IN_PERSON && (place == null || place.isBlank())) {
            throw DomainException.invalidField("place", "当面调解请填写地点");
        }
        if (mode == Dispute.Mode.VIDEO && (videoLink == null || videoLink.isBlank())) {
            throw DomainException.invalidField("videoLink", "视频调解请填写会议链接");
        }
        MediationSession s = new MediationSession();
        return access.apply(id, scope, actor, Capacity.COMMITTEE, (l, own) -> {
            l.dispute().note("schedule-session", at + " " + mode, clock.instant(), ACCEPTED, IN_MEDIATION);
            s.id = UUID.randomUUID();
            s.disputeId = id;
            s.scheduledAt = at;
            s.mode = mode;
            s.place = place;
            s.videoLink = videoLink;
            s.keyId = seal.keyId();
            s.createdBy = actor.accountId();
            s.createdAt = clock.instant();
            return sessions.persist(s);
        }).call(l -> matters.sessionScheduled(l.dispute(), l.parties(), at, mode.name(), place)).replaceWith(s);
    }

    /** 调解笔录 and who was present. */
    @WithTransaction
    public Uni<MediationSession> recordMinutes(UUID id, UUID sessionId, String minutes, String present,
                                               AccessScope scope, Actor actor) {
        return access.apply(id, scope, actor, Capacity.COMMITTEE, (l, own) -> sessions.findById(sessionId)
                        .invoke(s -> {
                            if (s == null || !s.disputeId.equals(id)) {
                                throw new NotFound("调解会议", sessionId);
                            }
                            l.dispute().note("record-minutes", present, clock.instant(), ACCEPTED, IN_MEDIATION,
                                    AGREEMENT_PENDING);
                            s.minutesCipher = seal.seal(minutes, "session.minutes", s.id);
                            s.keyId = seal.keyId();
                            s.present = present;
                            s.recordedAt = clock.instant();
                        }))
                .chain(l -> sessions.findById(sessionId));
    }

    public Uni<List<MediationSession>> sessions(UUID id, AccessScope scope) {
        return access.load(id, scope).chain(l -> sessions.of(id));
    }

    public String openMinutes(MediationSession s) {
        return s.minutesCipher == null ? null : seal.open(s.minutesCipher, s.keyId, "session.minutes", s.id);
    }

    /** 司法确认申请: jointly by the parties, within the window after the agreement took effect. */
    @WithTransaction
    public Uni<JudicialConfirmation> applyForConfirmation(UUID id, UUID courtId, LocalDate appliedOn, AccessScope scope,
                                                          Actor actor) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), TimeSource.CHINA);
        if (appliedOn.isAfter(today)) {
            throw DomainException.invalidField("appliedOn", "申请日期不能晚于今天");
        }
        int windowDays = config.mediation().judicialConfirmationWindowDays();
        JudicialConfirmation[] applied = new JudicialConfirmation[1];
        return access.apply(id, scope, actor, Capacity.COMMITTEE, (l, own) -> agreements.findById(id)
                .chain(agreement -> {
                    LocalDate effective = LocalDate.ofInstant(agreement.effectiveAt, TimeSource.CHINA);
                    return calendar.lastDay(effective, windowDays, DayCounting.CALENDAR)
                            .invoke(last -> Aftermath.requireWithinWindow(appliedOn, effective, last, windowDays));
                })
                .chain(window -> directory.get(courtId))
                .chain(court -> {
                    if (court.type != OrganisationType.COURT) {
                        throw DomainException.invalidField("courtId", "请选择人民法院");
                    }
                    return aftermath(l.dispute()).chain(a -> {
                        applied[0] = a.applyForConfirmation(courtId, court.name, appliedOn, actor.accountId(),
                                clock.instant());
                        return confirmations.persist(applied[0]);
                    });
                })
                .chain(() -> event(MediationEvents.JC_APPLIED, l.dispute(),
                        appliedOn.atStartOfDay(TimeSource.CHINA).toInstant())))
                .map(l -> applied[0]);
    }

    /** The court's ruling on the confirmation. */
    @WithTransaction
    public Uni<JudicialConfirmation> recordRuling(UUID id, JudicialConfirmation.Ruling ruling, LocalDate ruledOn,
                                                  AccessScope scope, Actor actor) {
        return access.apply(id, scope, actor, Capacity.COMMITTEE, (l, own) -> aftermath(l.dispute())
                        .chain(a -> {
                            a.recordRuling(ruling, ruledOn, clock.instant());
                            return event(ruling == JudicialConfirmation.Ruling.CONFIRMED ? MediationEvents.JC_CONFIRMED
                                    : MediationEvents.JC_REJECTED, l.dispute(), ruledOn.atStartOfDay(TimeSource.CHINA).toInstant());
                        }))
                .chain(l -> confirmations.findById(id));
    }

    /** Schedules the follow-up when the agreement takes effect (called in the sealing transaction). */
    Uni<Void> scheduleFollowUp(UUID disputeId, LocalDate performanceDueOn) {
        FollowUp f = new FollowUp();
        f.disputeId = disputeId;
        LocalDate from = performanceDueOn == null ? LocalDate.ofInstant(clock.instant(), TimeSource.CHINA) : performanceDueOn;
        return calendar.lastDay(from, config.mediation().followUpDays(), DayCounting.CALENDAR)
                .chain(due -> {
                    f.dueOn = due;
                    return followUps.persist(f);
                }).replaceWithVoid();
    }

    /** 回访 result: performed, partly or not, and the parties' satisfaction. */
    @WithTransaction
    public Uni<FollowUp> recordFollowUp(UUID id, FollowUp.Performance performance, int satisfaction, String note,
                                        AccessScope scope, Actor actor) {
        Instant now = clock.instant();
        return access.apply(id, scope, actor, Capacity.COMMITTEE, (l, own) -> aftermath(l.dispute())
                        .chain(a -> {
                            a.recordFollowUp(performance, satisfaction, note, actor.accountId(), now);
                            return performance == FollowUp.Performance.PERFORMED
                                    ? event(MediationEvents.PERFORMED, l.dispute(), now) : Uni.createFrom().voidItem();
                        }))
                .chain(l -> followUps.findById(id));
    }

    /**
     * 归档: a case with an outcome; a successful one after its 回访 or once the follow-up period has ended.
     * Nothing more is done on an archived case.
     */
    @WithTransaction
    public Uni<Dispute> archive(UUID id, AccessScope scope, Actor actor) {
        Instant now = clock.instant();
        return access.apply(id, scope, actor, Capacity.COMMITTEE, (l, own) -> aftermath(l.dispute())
                        .invoke(a -> a.archive(LocalDate.ofInstant(now, TimeSource.CHINA), actor.accountId(), now)))
                .map(DisputeAccess.Loaded::dispute);
    }

    /**
     * After the court rejected the 司法确认 (人民调解法 Art. 33): the parties either change the agreement or reach
     * a new one through mediation (the committee registers the new mediation), or go to court (litigation
     * guidance given). Recorded once, as a step of the case.
     */
    @WithTransaction
    public Uni<JudicialConfirmation> afterRejection(UUID id, JudicialConfirmation.AfterRejection route, String note,
                                                    AccessScope scope, Actor actor) {
        return access.apply(id, scope, actor, Capacity.COMMITTEE, (l, own) -> aftermath(l.dispute())
                        .invoke(a -> a.afterRejection(route, note, clock.instant())))
                .chain(l -> confirmations.findById(id));
    }

    /** The dispute with its 司法确认 and 回访, as the aftermath state machine. */
    private Uni<Aftermath> aftermath(Dispute dispute) {
        return confirmations.findById(dispute.id).chain(jc -> followUps.findById(dispute.id)
                .map(f -> new Aftermath(dispute, jc, f)));
    }

    private Uni<Void> event(String kind, Dispute d, Instant at) {
        return ledger.record(kind, d.regionCode, d.committeeId, at, MediationEvents.SOURCE, d.id).replaceWithVoid();
    }

}
