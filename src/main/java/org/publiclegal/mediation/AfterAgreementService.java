package org.publiclegal.mediation;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.mediation.AfterAgreement.FollowUp;
import org.publiclegal.mediation.AfterAgreement.JudicialConfirmation;
import org.publiclegal.mediation.AfterAgreement.Session;
import org.publiclegal.mediation.DisputeAccess.Capacity;
import org.publiclegal.mediation.MediationRepositories.Agreements;
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
import static org.publiclegal.mediation.MediationStatus.SUCCEEDED;

/** 调解会议与笔录, 司法确认 (with its 30-day window) and 回访, recorded by the committee's mediators. */
@ApplicationScoped
@WithSession
public class AfterAgreementService {

    /** Keeps "my matters" and the notices up to date (issue 11). */
    @jakarta.inject.Inject
    org.publiclegal.notification.MatterUpdates matters;

    private final DisputeAccess access;
    private final Agreements agreements;
    private final MediationSeal seal;
    private final OrganisationService directory;
    private final Ledger ledger;
    private final AppConfig config;
    private final WorkCalendar calendar;
    private final Clock clock;

    public AfterAgreementService(DisputeAccess access, Agreements agreements, MediationSeal seal,
                                 OrganisationService directory, Ledger ledger, AppConfig config, WorkCalendar calendar,
                                 Clock clock) {
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
    public Uni<Session> schedule(UUID id, Instant at, Dispute.Mode mode, String place, String videoLink,
                                 AccessScope scope, Actor actor) {
        if (mode == Dispute.Mode.IN_PERSON && (place == null || place.isBlank())) {
            throw DomainException.invalidField("place", "当面调解请填写地点");
        }
        if (mode == Dispute.Mode.VIDEO && (videoLink == null || videoLink.isBlank())) {
            throw DomainException.invalidField("videoLink", "视频调解请填写会议链接");
        }
        Session s = new Session();
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
            return Panache.getSession().chain(ss -> ss.persist(s));
        }).call(l -> matters.sessionScheduled(l.dispute(), l.parties(), at, mode.name(), place)).replaceWith(s);
    }

    /** 调解笔录 and who was present. */
    @WithTransaction
    public Uni<Session> recordMinutes(UUID id, UUID sessionId, String minutes, String present, AccessScope scope,
                                      Actor actor) {
        return access.apply(id, scope, actor, Capacity.COMMITTEE, (l, own) ->
                Panache.getSession().chain(ss -> ss.find(Session.class, sessionId))
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
                        })).chain(l -> Panache.getSession()
                .chain(ss -> ss.find(Session.class, sessionId)));
    }

    public Uni<List<Session>> sessions(UUID id, AccessScope scope) {
        return access.load(id, scope).chain(l -> Panache.getSession()
                .chain(ss -> ss.createSelectionQuery("from MediationSession where disputeId = :d order by scheduledAt",
                        Session.class).setParameter("d", id).getResultList()));
    }

    public String openMinutes(Session s) {
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
        JudicialConfirmation jc = new JudicialConfirmation();
        return access.apply(id, scope, actor, Capacity.COMMITTEE, (l, own) -> agreements.findById(id)
                .chain(agreement -> {
                    LocalDate effective = LocalDate.ofInstant(agreement.effectiveAt, TimeSource.CHINA);
                    return calendar.lastDay(effective, config.mediation().judicialConfirmationWindowDays(),
                            DayCounting.CALENDAR).map(last -> new LocalDate[] {effective, last});
                }).chain(window -> {
                    LocalDate effective = window[0];
                    LocalDate last = window[1];
                    if (appliedOn.isBefore(effective) || appliedOn.isAfter(last)) {
                        throw DomainException.rule("司法确认应当自调解协议生效之日起 "
                                + config.mediation().judicialConfirmationWindowDays() + " 日内共同申请（本案协议 "
                                + effective + " 生效，最迟 " + last + "）；已超过期限的，可就协议履行向人民法院提起诉讼");
                    }
                    return directory.get(courtId);
                }).chain(court -> {
                    if (court.type != OrganisationType.COURT) {
                        throw DomainException.invalidField("courtId", "请选择人民法院");
                    }
                    l.dispute().note("judicial-confirmation", "向" + court.name + "申请司法确认", clock.instant(), SUCCEEDED);
                    return Panache.getSession()
                            .chain(ss -> ss.find(JudicialConfirmation.class, id));
                }).chain(existing -> {
                    if (existing != null) {
                        throw DomainException.conflict("本案已申请司法确认");
                    }
                    jc.disputeId = id;
                    jc.courtId = courtId;
                    jc.appliedOn = appliedOn;
                    jc.recordedBy = actor.accountId();
                    jc.recordedAt = clock.instant();
                    return Panache.getSession().chain(ss -> ss.persist(jc))
                            .chain(() -> event(MediationEvents.JC_APPLIED, l.dispute(),
                                    appliedOn.atStartOfDay(TimeSource.CHINA).toInstant()));
                })).replaceWith(jc);
    }

    /** The court's ruling on the confirmation. */
    @WithTransaction
    public Uni<JudicialConfirmation> recordRuling(UUID id, JudicialConfirmation.Ruling ruling, LocalDate ruledOn,
                                                  AccessScope scope, Actor actor) {
        return access.apply(id, scope, actor, Capacity.COMMITTEE, (l, own) ->
                Panache.getSession().chain(ss -> ss.find(JudicialConfirmation.class, id))
                        .chain(jc -> {
                            if (jc == null) {
                                throw DomainException.rule("本案尚未申请司法确认");
                            }
                            if (jc.ruling != null) {
                                throw DomainException.conflict("已记录法院的裁定");
                            }
                            if (ruledOn.isBefore(jc.appliedOn)) {
                                throw DomainException.invalidField("ruledOn", "裁定日期不能早于申请日期");
                            }
                            jc.ruling = ruling;
                            jc.ruledOn = ruledOn;
                            l.dispute().note("judicial-confirmation", ruling == JudicialConfirmation.Ruling.CONFIRMED
                                    ? "法院裁定确认协议有效" : "法院裁定驳回申请", clock.instant(), SUCCEEDED);
                            return event(ruling == JudicialConfirmation.Ruling.CONFIRMED ? MediationEvents.JC_CONFIRMED
                                    : MediationEvents.JC_REJECTED, l.dispute(), ruledOn.atStartOfDay(TimeSource.CHINA).toInstant());
                        }))
                .chain(l -> Panache.getSession()
                        .chain(ss -> ss.find(JudicialConfirmation.class, id)));
    }

    /** Schedules the follow-up when the agreement takes effect (called in the sealing transaction). */
    Uni<Void> scheduleFollowUp(UUID disputeId, LocalDate performanceDueOn) {
        FollowUp f = new FollowUp();
        f.disputeId = disputeId;
        LocalDate from = performanceDueOn == null ? LocalDate.ofInstant(clock.instant(), TimeSource.CHINA) : performanceDueOn;
        return calendar.lastDay(from, config.mediation().followUpDays(), DayCounting.CALENDAR)
                .chain(due -> {
                    f.dueOn = due;
                    return Panache.getSession().chain(ss -> ss.persist(f));
                });
    }

    /** 回访 result: performed, partly or not, and the parties' satisfaction. */
    @WithTransaction
    public Uni<FollowUp> recordFollowUp(UUID id, FollowUp.Performance performance, int satisfaction, String note,
                                        AccessScope scope, Actor actor) {
        Instant now = clock.instant();
        return access.apply(id, scope, actor, Capacity.COMMITTEE, (l, own) ->
                Panache.getSession().chain(ss -> ss.find(FollowUp.class, id))
                        .chain(f -> {
                            if (f == null) {
                                throw DomainException.rule("本案没有待回访的协议");
                            }
                            if (f.doneAt != null) {
                                throw DomainException.conflict("本案已回访");
                            }
                            f.doneAt = now;
                            f.performance = performance;
                            f.satisfaction = satisfaction;
                            f.note = note;
                            f.recordedBy = actor.accountId();
                            l.dispute().note("follow-up", performance.name(), now, SUCCEEDED);
                            return performance == FollowUp.Performance.PERFORMED
                                    ? event(MediationEvents.PERFORMED, l.dispute(), now) : Uni.createFrom().voidItem();
                        }))
                .chain(l -> Panache.getSession().chain(ss -> ss.find(FollowUp.class, id)));
    }

    /**
     * 归档: a case with an outcome; a successful one after its 回访 or once the follow-up period has ended.
     * Nothing more is done on an archived case.
     */
    @WithTransaction
    public Uni<Dispute> archive(UUID id, AccessScope scope, Actor actor) {
        Instant now = clock.instant();
        return access.apply(id, scope, actor, Capacity.COMMITTEE, (l, own) ->
                Panache.getSession().chain(ss -> ss.find(FollowUp.class, id)).invoke(f -> l.dispute().archive(
                        f != null && f.doneAt != null, f == null ? null : f.dueOn,
                        LocalDate.ofInstant(now, TimeSource.CHINA), actor.accountId(), now)))
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
        return access.apply(id, scope, actor, Capacity.COMMITTEE, (l, own) ->
                Panache.getSession().chain(ss -> ss.find(JudicialConfirmation.class, id)).invoke(jc -> {
                    if (jc == null || jc.ruling != JudicialConfirmation.Ruling.REJECTED) {
                        throw DomainException.rule("只有法院裁定驳回司法确认申请后才能记录后续处理");
                    }
                    if (jc.afterRejection != null) {
                        throw DomainException.conflict("已记录驳回后的处理");
                    }
                    jc.afterRejection = route;
                    jc.afterRejectionNote = note;
                    l.dispute().note("after-rejection", (route == JudicialConfirmation.AfterRejection.RESUME_MEDIATION
                            ? "司法确认被驳回，当事人同意通过人民调解变更原协议或达成新协议"
                            : "司法确认被驳回，已告知当事人可就原协议或原纠纷向人民法院提起诉讼")
                            + (note == null || note.isBlank() ? "" : "：" + note), clock.instant(), SUCCEEDED);
                }))
                .chain(l -> Panache.getSession().chain(ss -> ss.find(JudicialConfirmation.class, id)));
    }

    private Uni<Void> event(String kind, Dispute d, Instant at) {
        return ledger.record(kind, d.regionCode, d.committeeId, at, MediationEvents.SOURCE, d.id).replaceWithVoid();
    }

}
