package org.publiclegal.mediation;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.domain.IllegalTransition;
import org.publiclegal.shared.domain.StepRecorder;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.publiclegal.mediation.MediationStatus.ACCEPTED;
import static org.publiclegal.mediation.MediationStatus.AGREEMENT_PENDING;
import static org.publiclegal.mediation.MediationStatus.FAILED;
import static org.publiclegal.mediation.MediationStatus.IN_MEDIATION;
import static org.publiclegal.mediation.MediationStatus.NOT_ACCEPTED;
import static org.publiclegal.mediation.MediationStatus.REFUSED_BY_PARTY;
import static org.publiclegal.mediation.MediationStatus.SUBMITTED;
import static org.publiclegal.mediation.MediationStatus.SUCCEEDED;
import static org.publiclegal.mediation.MediationStatus.WITHDRAWN;

/**
 * 调解案件: the aggregate and its state machine. Transitions are methods named after the act; an act the
 * status does not allow is an {@link IllegalTransition}. {@link #currentDueAt} is the time limit while the
 * case is open (一般一个月, extendable with the parties' agreement).
 */
@Entity
@Table(name = "med_dispute")
public class Dispute {

    /**
     * How a case started: 当事人申请 (in the app, or at the committee by a visit or a call), 主动调解 (人民调解法
     * Art. 17–18: the committee steps in), 移送 (sent by a police station, the petition office or another
     * department), or 法院委派/委托.
     */
    public enum Origin { APPLIED, PROACTIVE, TRANSFERRED, COURT_REFERRED }

    /** How an APPLIED case reached the committee: the app, 来访 (a visit) or 来电 (a call). */
    public enum IntakeChannel { APP, VISIT, PHONE }

    /** Who sent a 移送 case: 派出所, 信访部门, another department. */
    public enum Sender { POLICE_STATION, PETITION_OFFICE, OTHER_DEPARTMENT }

    /** 调解方式. */
    public enum Mode { IN_PERSON, VIDEO, PHONE }

    /**
     * 诉调对接 referral types (特邀调解规定 Art. 11, 27): 委派 before filing (30 days); 委托 after filing, 15 days
     * (ordinary procedure) or 7 days (simplified). The days are configuration ({@code app.mediation.*-referral-days}).
     */
    public enum ReferralType { DELEGATED, ENTRUSTED_ORDINARY, ENTRUSTED_SIMPLIFIED }

    @Id
    public UUID id;
    public String reference;
    public UUID applicantId;
    @Enumerated(EnumType.STRING)
    public Origin origin;
    @Enumerated(EnumType.STRING)
    public DisputeType disputeType;
    public String factsCipher;
    public String claimsCipher;
    public String keyId;
    public Long amountFen;
    public String regionCode;
    public UUID committeeId;
    @Enumerated(EnumType.STRING)
    public Mode preferredMode;
    @Enumerated(EnumType.STRING)
    public MediationStatus status;
    public Instant createdAt;
    public Instant acceptedAt;
    public String declineReason;
    public Instant dueAt;
    public String extensionReason;
    public Instant concludedAt;
    public String failureReason;
    public Instant riskEscalatedAt;
    public String riskNote;
    public Instant currentDueAt;
    public UUID courtId;
    public String courtCaseNumber;
    @Enumerated(EnumType.STRING)
    public ReferralType referralType;
    public Instant returnedToCourtAt;
    public String courtResultNote;
    @Enumerated(EnumType.STRING)
    public IntakeChannel intakeChannel = IntakeChannel.APP;
    @Enumerated(EnumType.STRING)
    public Sender transferredByKind;
    public String transferredByName;
    /** The date the committee actually received the case (staff entries). */
    public java.time.LocalDate receivedOn;
    /** The mediator who entered the case; null for a resident's app submission. */
    public UUID enteredBy;
    /** 归档: once archived nothing more is done on the case. */
    public Instant archivedAt;
    public UUID archivedBy;
    @Version
    public long version;

    @Transient
    private final StepRecorder<MediationStatus, MediationStep> steps = new StepRecorder<>("调解案件", this::step);

    public List<MediationStep> drainSteps() {
        return steps.drain();
    }

    public void submitted(Instant now) {
        createdAt = now;
        move("submit", SUBMITTED, now, null);
    }

    /** A court-referred case, accepted on entry: the referral's time limit starts now. */
    public void referredByCourt(Instant due, Instant now) {
        createdAt = now;
        acceptedAt = now;
        dueAt = due;
        currentDueAt = due;
        move("court-referral", ACCEPTED, now, referralType + " " + courtCaseNumber);
    }

    /**
     * A case entered by a mediator of the committee (walk-in, 主动调解 or 移送): registered means accepted, so the
     * time limit runs from the date received; mediation begins once every party has consented (the mediator
     * records consent given in person or by phone).
     */
    public void registeredByStaff(Instant receivedAt, Instant due, boolean allConsented, Instant now) {
        if (origin == Origin.APPLIED && (intakeChannel == null || intakeChannel == IntakeChannel.APP)) {
            throw DomainException.invalidField("intakeChannel", "当事人申请的案件请选择来访或来电");
        }
        if (origin != Origin.APPLIED && intakeChannel != IntakeChannel.APP) {
            throw DomainException.invalidField("intakeChannel", "来访、来电只适用于当事人申请的案件");
        }
        if ((origin == Origin.TRANSFERRED) != (transferredByKind != null && transferredByName != null)) {
            throw DomainException.invalidField("transferredBy", origin == Origin.TRANSFERRED
                    ? "移送的案件请填写移送单位" : "只有移送的案件填写移送单位");
        }
        if (origin == Origin.COURT_REFERRED) {
            throw DomainException.invalidField("origin", "法院委派、委托的案件请通过诉调对接登记");
        }
        createdAt = now;
        acceptedAt = receivedAt;
        dueAt = due;
        currentDueAt = due;
        move("register", allConsented ? IN_MEDIATION : ACCEPTED, now, origin + " " + receivedOn);
    }

    /** 将调解结果反馈法院: once the case has an outcome. */
    public void returnToCourt(String note, Instant now) {
        if (origin != Origin.COURT_REFERRED) {
            throw DomainException.rule("本案不是法院委派或委托的案件");
        }
        if (status.isOpen()) {
            throw new IllegalTransition("调解案件", status, "return-to-court", status.actions());
        }
        if (returnedToCourtAt != null) {
            throw DomainException.conflict("已向法院反馈调解结果");
        }
        returnedToCourtAt = now;
        courtResultNote = note;
        move("return-to-court", status, now, note);
    }

    /** 受理: the time limit starts; mediation begins once every party has consented. */
    public void accept(Instant due, boolean allConsented, Instant now) {
        require("accept", SUBMITTED);
        acceptedAt = now;
        dueAt = due;
        currentDueAt = due;
        move("accept", allConsented ? IN_MEDIATION : ACCEPTED, now, null);
    }

    /** 不予受理, with the reason (e.g. already before a court or another body). */
    public void decline(String reason, Instant now) {
        require("decline", SUBMITTED);
        declineReason = reason;
        currentDueAt = null;
        move("decline", NOT_ACCEPTED, now, reason);
    }

    /** A party consented; once all have and the committee accepted, mediation begins. */
    public void partyConsented(boolean allConsented, Instant now, String who) {
        require("consent", SUBMITTED, ACCEPTED);
        move("consent", allConsented && status == ACCEPTED ? IN_MEDIATION : status, now, who + "同意调解");
    }

    /** Art. 17: a party refuses; mediation may not proceed. */
    public void partyRefused(String reason, Instant now) {
        require("refuse", SUBMITTED, ACCEPTED);
        currentDueAt = null;
        concludedAt = now;
        move("refuse", REFUSED_BY_PARTY, now, reason);
    }

    public void assigned(Instant now, String names) {
        require("assign", ACCEPTED, IN_MEDIATION);
        move("assign", status, now, names);
    }

    /** 延长调解期限 with the parties' agreement. */
    public void extend(Instant newDue, String reason, Instant now) {
        require("extend", ACCEPTED, IN_MEDIATION);
        if (dueAt != null && !newDue.isAfter(dueAt)) {
            throw DomainException.invalidField("days", "延长后的期限须晚于原期限");
        }
        dueAt = newDue;
        currentDueAt = newDue;
        extensionReason = reason;
        move("extend", status, now, reason);
    }

    public void agreementDrafted(Instant now) {
        require("draft-agreement", IN_MEDIATION);
        move("draft-agreement", AGREEMENT_PENDING, now, null);
    }

    public void agreementConfirmed(Instant now, String who) {
        require("confirm-agreement", AGREEMENT_PENDING);
        move("confirm-agreement", status, now, who + "确认协议");
    }

    /** The committee seals; the agreement takes effect if every party has confirmed. */
    public void sealed(boolean allConfirmed, Instant now) {
        require("seal-agreement", AGREEMENT_PENDING);
        if (!allConfirmed) {
            throw DomainException.rule("各方当事人均确认协议后方可加盖调委会印章");
        }
        concludedAt = now;
        currentDueAt = null;
        move("seal-agreement", SUCCEEDED, now, "协议生效");
    }

    /** 口头协议 (人民调解法 Art. 28): recorded by the mediator; it counts as 调解成功 like a written agreement. */
    public void oralAgreement(String agreedBy, Instant now) {
        require("oral-agreement", IN_MEDIATION);
        concludedAt = now;
        currentDueAt = null;
        move("oral-agreement", SUCCEEDED, now, "口头协议：" + agreedBy);
    }

    /**
     * A written agreement signed and sealed on paper, recorded with its scanned copy instead of the parties'
     * confirmation in the app: 调解成功. It may replace an online draft nobody confirmed.
     */
    public void paperAgreement(Instant now) {
        require("paper-agreement", IN_MEDIATION, AGREEMENT_PENDING);
        concludedAt = now;
        currentDueAt = null;
        move("paper-agreement", SUCCEEDED, now, "书面协议（纸质签署，附扫描件）");
    }

    /**
     * 要求终止调解 (人民调解法 Art. 23): any party may end the mediation once it has begun; the case ends without
     * agreement (调解不成) and the parties are told the other routes.
     */
    public void endedByParty(String who, String reason, Instant now) {
        require("end-mediation", IN_MEDIATION, AGREEMENT_PENDING);
        failureReason = who + "要求终止调解（人民调解法第二十三条）" + (reason == null || reason.isBlank() ? "" : "：" + reason);
        concludedAt = now;
        currentDueAt = null;
        move("end-mediation", FAILED, now, failureReason);
    }

    /**
     * 归档: a case with an outcome is archived; a successful one only after its 回访, or once the follow-up period
     * has ended without one ({@code followUpDueOn} passed).
     */
    public void archive(boolean followUpDone, java.time.LocalDate followUpDueOn, java.time.LocalDate today, UUID by,
                        Instant now) {
        require("archive", SUCCEEDED, FAILED, NOT_ACCEPTED, REFUSED_BY_PARTY, WITHDRAWN);
        if (status == SUCCEEDED && !followUpDone && followUpDueOn != null && !today.isAfter(followUpDueOn)) {
            throw DomainException.rule("调解成功的案件须回访后归档，或在回访期限（" + followUpDueOn + "）届满后归档");
        }
        move("archive", status, now, followUpDone ? "回访后归档" : "归档");
        archivedAt = now;
        archivedBy = by;
    }

    /** What may be done now: nothing once archived. */
    public java.util.List<String> allowedActions() {
        return archivedAt != null ? java.util.List.of() : status.actions();
    }

    /** 调解不成: ended, with the reason; the parties are told the other routes. */
    public void fail(String reason, Instant now) {
        require("fail", IN_MEDIATION, AGREEMENT_PENDING);
        failureReason = reason;
        concludedAt = now;
        currentDueAt = null;
        move("fail", FAILED, now, reason);
    }

    public void withdraw(String reason, Instant now) {
        require("withdraw", SUBMITTED, ACCEPTED, IN_MEDIATION);
        currentDueAt = null;
        concludedAt = now;
        move("withdraw", WITHDRAWN, now, reason);
    }

    /** Art. 25: risk of violence or crime, reported to the police; the case continues. */
    public void escalate(String note, Instant now) {
        require("escalate", ACCEPTED, IN_MEDIATION, AGREEMENT_PENDING);
        riskEscalatedAt = now;
        riskNote = note;
        move("escalate", status, now, note);
    }

    public boolean isOverdue(Instant now) {
        return currentDueAt != null && currentDueAt.isBefore(now) && status.isOpen();
    }

    /**
     * An act that leaves the status as it is but belongs on the timeline (a session, minutes, a judicial
     * confirmation, a follow-up), allowed only in {@code allowed}.
     */
    public void note(String action, String note, Instant now, MediationStatus... allowed) {
        require(action, allowed);
        move(action, status, now, note);
    }

    public void requireOpenForMessages() {
        require("message", SUBMITTED, ACCEPTED, IN_MEDIATION, AGREEMENT_PENDING, SUCCEEDED);
    }

    private void require(String action, MediationStatus... allowed) {
        steps.require(status, action, archivedAt != null, this::allowedActions, allowed);
    }

    private void move(String action, MediationStatus to, Instant now, String note) {
        status = steps.move(action, status, to, now, note);
    }

    private MediationStep step(String action, MediationStatus from, MediationStatus to, Instant at, String note) {
        MediationStep step = new MediationStep();
        step.disputeId = id;
        step.occurredAt = at;
        step.action = action;
        step.fromStatus = from;
        step.toStatus = to;
        step.note = note;
        return step;
    }

    /** Statuses from which no party act can change the outcome. */
    static final Set<MediationStatus> CLOSED = Set.of(SUCCEEDED, FAILED, NOT_ACCEPTED, REFUSED_BY_PARTY, WITHDRAWN);
}
