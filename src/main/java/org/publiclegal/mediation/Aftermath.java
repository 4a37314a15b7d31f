package org.publiclegal.mediation;

import org.publiclegal.shared.domain.DomainException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.publiclegal.mediation.MediationStatus.SUCCEEDED;

/**
 * 协议生效之后: what happens to a dispute once its agreement is in force, as one state machine over the
 * dispute, its {@link JudicialConfirmation} (if applied for) and its {@link FollowUp} (scheduled when the
 * agreement took effect). Two tracks run side by side from "agreement in force" and meet at 归档:
 *
 * <pre>
 *   司法确认 track   NOT_APPLIED ──apply──▶ APPLIED ──ruling──▶ CONFIRMED
 *                                                      └──────▶ REJECTED ──afterRejection──▶ REJECTION_HANDLED
 *   回访 track       DUE ──recordFollowUp──▶ DONE
 *   归档             from DONE, or from DUE once the follow-up date has passed (Dispute#archive); then nothing more
 * </pre>
 *
 * Every act also needs the dispute to stand at {@link MediationStatus#SUCCEEDED} and not be archived (the
 * dispute's own transition check, which names the allowed acts), and is written on the dispute's timeline.
 * The service loads the three records, calls one method here and persists what it returns; the checks and
 * their order (and so the answers a client sees) live here only.
 */
public final class Aftermath {

    /** Where the 司法确认 stands. */
    public enum Confirmation { NOT_APPLIED, APPLIED, CONFIRMED, REJECTED, REJECTION_HANDLED }

    /** Where the 回访 stands; NOT_SCHEDULED when the dispute has no agreement that took effect through the app. */
    public enum FollowUpStage { NOT_SCHEDULED, DUE, DONE }

    private final Dispute dispute;
    private final JudicialConfirmation confirmation;
    private final FollowUp followUp;

    public Aftermath(Dispute dispute, JudicialConfirmation confirmation, FollowUp followUp) {
        this.dispute = dispute;
        this.confirmation = confirmation;
        this.followUp = followUp;
    }

    public Confirmation confirmation() {
        if (confirmation == null) {
            return Confirmation.NOT_APPLIED;
        }
        if (confirmation.ruling == null) {
            return Confirmation.APPLIED;
        }
        if (confirmation.ruling == JudicialConfirmation.Ruling.CONFIRMED) {
            return Confirmation.CONFIRMED;
        }
        return confirmation.afterRejection == null ? Confirmation.REJECTED : Confirmation.REJECTION_HANDLED;
    }

    public FollowUpStage followUp() {
        if (followUp == null) {
            return FollowUpStage.NOT_SCHEDULED;
        }
        return followUp.doneAt == null ? FollowUpStage.DUE : FollowUpStage.DONE;
    }

    /**
     * The 30-day window (人民调解法 Art. 33) from the day the agreement took effect to {@code lastDay}: an
     * application dated outside it is refused, pointing to a lawsuit on the agreement instead.
     */
    public static void requireWithinWindow(LocalDate appliedOn, LocalDate effective, LocalDate lastDay, int windowDays) {
        if (appliedOn.isBefore(effective) || appliedOn.isAfter(lastDay)) {
            throw DomainException.rule("司法确认应当自调解协议生效之日起 " + windowDays + " 日内共同申请（本案协议 "
                    + effective + " 生效，最迟 " + lastDay + "）；已超过期限的，可就协议履行向人民法院提起诉讼");
        }
    }

    /** NOT_APPLIED → APPLIED: the new record to persist. */
    public JudicialConfirmation applyForConfirmation(UUID courtId, String courtName, LocalDate appliedOn, UUID by,
                                                     Instant now) {
        dispute.note("judicial-confirmation", "向" + courtName + "申请司法确认", now, SUCCEEDED);
        if (confirmation() != Confirmation.NOT_APPLIED) {
            throw DomainException.conflict("本案已申请司法确认");
        }
        JudicialConfirmation jc = new JudicialConfirmation();
        jc.disputeId = dispute.id;
        jc.courtId = courtId;
        jc.appliedOn = appliedOn;
        jc.recordedBy = by;
        jc.recordedAt = now;
        return jc;
    }

    /** APPLIED → CONFIRMED or REJECTED: the court's ruling, dated no earlier than the application. */
    public JudicialConfirmation recordRuling(JudicialConfirmation.Ruling ruling, LocalDate ruledOn, Instant now) {
        if (confirmation() == Confirmation.NOT_APPLIED) {
            throw DomainException.rule("本案尚未申请司法确认");
        }
        if (confirmation() != Confirmation.APPLIED) {
            throw DomainException.conflict("已记录法院的裁定");
        }
        if (ruledOn.isBefore(confirmation.appliedOn)) {
            throw DomainException.invalidField("ruledOn", "裁定日期不能早于申请日期");
        }
        confirmation.ruling = ruling;
        confirmation.ruledOn = ruledOn;
        dispute.note("judicial-confirmation", ruling == JudicialConfirmation.Ruling.CONFIRMED
                ? "法院裁定确认协议有效" : "法院裁定驳回申请", now, SUCCEEDED);
        return confirmation;
    }

    /** REJECTED → REJECTION_HANDLED: 重新调解 or 引导诉讼, recorded once. */
    public JudicialConfirmation afterRejection(JudicialConfirmation.AfterRejection route, String note, Instant now) {
        Confirmation stage = confirmation();
        if (stage != Confirmation.REJECTED && stage != Confirmation.REJECTION_HANDLED) {
            throw DomainException.rule("只有法院裁定驳回司法确认申请后才能记录后续处理");
        }
        if (stage == Confirmation.REJECTION_HANDLED) {
            throw DomainException.conflict("已记录驳回后的处理");
        }
        confirmation.afterRejection = route;
        confirmation.afterRejectionNote = note;
        dispute.note("after-rejection", (route == JudicialConfirmation.AfterRejection.RESUME_MEDIATION
                ? "司法确认被驳回，当事人同意通过人民调解变更原协议或达成新协议"
                : "司法确认被驳回，已告知当事人可就原协议或原纠纷向人民法院提起诉讼")
                + (note == null || note.isBlank() ? "" : "：" + note), now, SUCCEEDED);
        return confirmation;
    }

    /** DUE → DONE: 回访 with the performance and the parties' satisfaction. */
    public FollowUp recordFollowUp(FollowUp.Performance performance, int satisfaction, String note, UUID by,
                                   Instant now) {
        if (followUp() == FollowUpStage.NOT_SCHEDULED) {
            throw DomainException.rule("本案没有待回访的协议");
        }
        if (followUp() == FollowUpStage.DONE) {
            throw DomainException.conflict("本案已回访");
        }
        followUp.doneAt = now;
        followUp.performance = performance;
        followUp.satisfaction = satisfaction;
        followUp.note = note;
        followUp.recordedBy = by;
        dispute.note("follow-up", performance.name(), now, SUCCEEDED);
        return followUp;
    }

    /** 归档: after the 回访, or once its date has passed (the dispute checks the date and its own status). */
    public void archive(LocalDate today, UUID by, Instant now) {
        dispute.archive(followUp() == FollowUpStage.DONE, followUp == null ? null : followUp.dueOn, today, by, now);
    }
}
