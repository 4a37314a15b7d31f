package org.publiclegal.notification;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.advisory.booking.Booking;
import org.publiclegal.legalaid.ApplicationStatus;
import org.publiclegal.legalaid.LegalAidApplication;
import org.publiclegal.mediation.Dispute;
import org.publiclegal.mediation.Party;
import org.publiclegal.shared.security.Roles;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The one call each module makes after a state change, inside its transaction: brings the resident's "my
 * matters" row up to date and, when the matter reached a new stage, notifies the resident (superseding the
 * older notice) and the staff who now have work to do.
 */
@ApplicationScoped
public class MatterUpdates {

    private final MatterRepository matters;
    private final Notifier notifier;
    private final Recipients recipients;
    private final Clock clock;

    public MatterUpdates(MatterRepository matters, Notifier notifier, Recipients recipients, Clock clock) {
        this.matters = matters;
        this.notifier = notifier;
        this.recipients = recipients;
        this.clock = clock;
    }

    public Uni<Void> legalAid(LegalAidApplication a) {
        return legalAid(a, null);
    }

    /** An application created in this transaction: as {@link #legalAid}, without looking for what cannot exist yet. */
    public Uni<Void> newLegalAid(LegalAidApplication a) {
        return legalAid(a, null, true);
    }

    /**
     * An application after a step that began in status {@code before}. A case without a resident account (a
     * 通知辩护 notice, a 窗口 walk-in) has no "my matters" row, so its previous stage is the status before the step.
     */
    public Uni<Void> legalAid(LegalAidApplication a, ApplicationStatus before) {
        return legalAid(a, before, false);
    }

    private Uni<Void> legalAid(LegalAidApplication a, ApplicationStatus before, boolean created) {
        MatterState s = MatterRules.legalAid(a);
        String link = "/api/aid/applications/" + a.id;
        Uni<String> previous = a.applicantId != null
                ? track(a.applicantId, Matter.Service.LEGAL_AID, a.id, a.reference, link, s, created)
                : Uni.createFrom().item(before == null || before == a.status ? s.code() : before.name());
        return previous.chain(prev -> {
            if (Objects.equals(prev, s.code())) {
                return Uni.createFrom().voidItem();
            }
            String ref = a.reference;
            return switch (s.code()) {
                case "SUBMITTED" -> staff(created, Recipients.organisation(a.centreId, Roles.AID_OFFICER), a.id, link,
                        "新的法律援助申请", "收到法律援助申请 " + ref + "，请接收并审查。");
                case "UNDER_REVIEW" -> "MATERIALS_REQUESTED".equals(prev)
                        ? staff(created, Recipients.organisation(a.centreId, Roles.AID_OFFICER), a.id, link, "申请人已补正材料",
                        "申请 " + ref + " 的申请人已补正材料，审查继续。")
                        : Uni.createFrom().voidItem();
                case "ASSIGNED" -> staff(created, Recipients.accounts(a.lawyerId == null ? List.of() : List.of(a.lawyerId)), a.id,
                        link, "新指派的法律援助案件", "法律援助案件 " + ref + " 已指派给您，请及时接受并联系受援人。");
                case "OBJECTION_FILED" -> staff(created, Recipients.region(Recipients.county(a.regionCode), Roles.BUREAU_ADMIN),
                        a.id, link, "新的法律援助异议", "申请人对 " + ref + " 提出异议，请在期限内作出决定。");
                default -> Uni.createFrom().voidItem();
            };
        });
    }

    /** A dispute after a step: every party with an account gets their row (and notice). */
    public Uni<Void> dispute(Dispute d, List<Party> parties) {
        return dispute(d, parties, false);
    }

    /**
     * A dispute written in this transaction (submitted, referred by a court, registered): as {@link #dispute},
     * without looking for rows and notices about it, which cannot exist yet.
     */
    public Uni<Void> newDispute(Dispute d, List<Party> parties) {
        return dispute(d, parties, true);
    }

    private Uni<Void> dispute(Dispute d, List<Party> parties, boolean created) {
        String link = "/api/mediation/disputes/" + d.id;
        return Multi.createFrom().iterable(parties.stream().filter(p -> p.accountId != null).toList())
                .onItem().transformToUniAndConcatenate(p -> track(p.accountId, Matter.Service.MEDIATION, d.id,
                        d.reference, link, MatterRules.dispute(d, p), created).map(prev -> prev == null && p.role == Party.Role.APPLICANT
                        && d.origin == Dispute.Origin.APPLIED))
                .collect().asList()
                .chain(newApplications -> newApplications.contains(true)
                        ? staff(created, Recipients.organisation(d.committeeId, Roles.MEDIATOR), d.id, link, "新的调解申请",
                        "收到调解申请 " + d.reference + "，请决定是否受理。")
                        : Uni.createFrom().voidItem());
    }

    /**
     * 新任务 for the mediators handling a dispute (those assigned to it, else every mediator of its committee): the
     * parties have all consented, have all confirmed the agreement, or one of them has ended the mediation.
     */
    public Uni<Void> mediationWork(Dispute d, List<UUID> assigned, String title, String body) {
        Recipients.Who who = assigned.isEmpty() ? Recipients.organisation(d.committeeId, Roles.MEDIATOR)
                : Recipients.accounts(assigned);
        return staff(false, who, d.id, "/api/mediation/disputes/" + d.id, title, body);
    }

    /** 调解安排: every party with an account is told when and how (the mode: IN_PERSON, VIDEO, PHONE). */
    public Uni<Void> sessionScheduled(Dispute d, List<Party> parties, Instant at, String mode, String place) {
        String how = switch (mode) {
            case "VIDEO" -> "视频调解";
            case "PHONE" -> "电话调解";
            default -> "当面调解" + (place == null ? "" : "，地点：" + place);
        };
        Notifier.Message m = new Notifier.Message(NoticeKind.MEDIATION_PROGRESS, d.id, "调解已安排",
                "调解员安排了 " + d.reference + " 的调解：" + MatterRules.time(at) + "，" + how + "。",
                "/api/mediation/disputes/" + d.id);
        return notifier.sendAll(parties.stream().map(p -> p.accountId).filter(Objects::nonNull).toList(), m);
    }

    public Uni<Void> booking(Booking b) {
        return booking(b, false);
    }

    /** A booking made in this transaction: as {@link #booking}, without looking for what cannot exist yet. */
    public Uni<Void> newBooking(Booking b) {
        return booking(b, true);
    }

    private Uni<Void> booking(Booking b, boolean created) {
        MatterState s = MatterRules.booking(b);
        String link = "/api/advisor/bookings/" + b.id;
        String when = MatterRules.time(b.startsAt);
        return track(b.residentId, Matter.Service.ADVISORY, b.id, MatterRules.bookingReference(b), link, s, created)
                .chain(prev -> {
            if (Objects.equals(prev, s.code())) {
                return Uni.createFrom().voidItem();
            }
            return switch (s.code()) {
                case "PENDING" -> staff(created, Recipients.accounts(List.of(b.advisorId)), b.id, link, "新的预约",
                        "居民预约了您" + when + "的咨询，请确认或说明原因婉拒。");
                case "CANCELLED" -> staff(created, Recipients.accounts(List.of(b.advisorId)), b.id, link, "预约已取消",
                        "居民取消了" + when + "的预约。");
                case "RATED" -> b.rating != null && b.rating <= 2
                        ? staff(created, Recipients.region(Recipients.township(b.villageCode), Roles.JUDICIAL_OFFICE), b.id,
                        link, "差评待回访", "法律顾问服务（" + when + "）收到差评，请在一个工作日内回访。")
                        : Uni.createFrom().voidItem();
                default -> Uni.createFrom().voidItem();
            };
        });
    }

    /**
     * Upserts the resident's row; answers the stage it was at before (null: a new matter). For a subject
     * {@code created} in this transaction there is nothing to look up and no older notice to supersede.
     */
    private Uni<String> track(UUID account, Matter.Service service, UUID subject, String reference, String link,
                              MatterState s, boolean created) {
        Instant now = clock.instant();
        Uni<Matter> found = created ? Uni.createFrom().nullItem() : matters.of(account, subject);
        return found.chain(existing -> {
            Matter m = existing;
            if (m == null) {
                m = new Matter();
                m.id = UUID.randomUUID();
                m.accountId = account;
                m.service = service;
                m.subjectId = subject;
                m.link = link;
            }
            String prev = m.statusCode;
            m.reference = reference;
            boolean changed = m.update(s, now);
            Matter row = m;
            Notifier.Message message = s.noticeTitle() == null ? null
                    : new Notifier.Message(s.kind(), subject, s.noticeTitle(), s.noticeBody(), link);
            Uni<Void> notify = !changed ? Uni.createFrom().voidItem()
                    : message == null ? (created ? Uni.createFrom().voidItem() : notifier.supersede(account, subject, null, now))
                    : (created ? notifier.sendAboutNew(account, message) : notifier.send(account, message)).replaceWithVoid();
            return matters.persist(row).chain(() -> notify).replaceWith(prev);
        });
    }

    /**
     * 新任务 for the staff {@code who} chooses: about a matter {@code created} in this transaction in one statement
     * ({@link Notifier#newWork}), else one by one, each superseding the recipient's older notices about it.
     */
    private Uni<Void> staff(boolean created, Recipients.Who who, UUID subject, String link, String title, String body) {
        Notifier.Message m = new Notifier.Message(NoticeKind.NEW_WORK, subject, title, body, link);
        return created ? notifier.newWork(who, m).replaceWithVoid()
                : recipients.list(who).chain(list -> notifier.sendAll(list, m));
    }
}
