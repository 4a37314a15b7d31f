package org.publiclegal.legalaid;

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

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static org.publiclegal.legalaid.ApplicationStatus.ASSIGNED;
import static org.publiclegal.legalaid.ApplicationStatus.CLOSED;
import static org.publiclegal.legalaid.ApplicationStatus.DEEMED_WITHDRAWN;
import static org.publiclegal.legalaid.ApplicationStatus.DRAFT;
import static org.publiclegal.legalaid.ApplicationStatus.GRANTED;
import static org.publiclegal.legalaid.ApplicationStatus.IN_PROGRESS;
import static org.publiclegal.legalaid.ApplicationStatus.MATERIALS_REQUESTED;
import static org.publiclegal.legalaid.ApplicationStatus.OBJECTION_FILED;
import static org.publiclegal.legalaid.ApplicationStatus.REFUSED;
import static org.publiclegal.legalaid.ApplicationStatus.SUBMITTED;
import static org.publiclegal.legalaid.ApplicationStatus.TERMINATED;
import static org.publiclegal.legalaid.ApplicationStatus.UNDER_REVIEW;
import static org.publiclegal.legalaid.ApplicationStatus.WITHDRAWN;

/**
 * 法律援助申请: the aggregate and its statutory state machine (法律援助法 Art. 43, 44, 48, 49).
 * <p>
 * Every transition is a method named after the act; it checks the current status and fails with
 * {@link IllegalTransition} (409, naming the allowed acts) otherwise. Deadlines are computed by the
 * service (they depend on the holiday calendar) and passed in as instants; {@link #currentDueAt} is always
 * the deadline of whatever the case is waiting for, which orders the officers' queue.
 * Narrative, opposing party and finances are sealed ({@code *Cipher}, key {@link #keyId}).
 */
@Entity
@Table(name = "aid_application")
public class LegalAidApplication {

    @Id
    public UUID id;
    public String reference;
    public UUID applicantId;
    public String regionCode;
    public UUID centreId;
    @Enumerated(EnumType.STRING)
    public AidMatter matter;
    @Enumerated(EnumType.STRING)
    public AidServiceType serviceType;
    public String situations;
    public String notifiedGrounds;
    public boolean retrialOrdered;
    @Enumerated(EnumType.STRING)
    public ExemptionCategory exemption;
    public String summaryCipher;
    public String opposingPartyCipher;
    public String financesCipher;
    public String keyId;
    public Long amountInDisputeFen;
    public LocalDate limitationEndsOn;
    public boolean urgentPreservation;
    /** Art. 44 先行提供: limitation ends in under 7 days, or preservation is urgent. */
    public boolean provisionalAidGrounds;
    public String eligibilityOutcome;
    public UUID hardshipStandardId;
    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;
    public Instant createdAt;
    public Instant submittedAt;
    public Instant receivedAt;
    public Instant reviewDueAt;
    public Instant clockPausedAt;
    public boolean materialsRequested;
    public String missingItems;
    public Instant materialsDueAt;
    public Instant decidedAt;
    public String decisionReason;
    public Instant assignmentDueAt;
    public Instant assignedAt;
    public UUID lawyerId;
    public UUID providerOrgId;
    public boolean provisionalAid;
    public Instant acceptedAt;
    public Instant closedAt;
    @Enumerated(EnumType.STRING)
    public CaseOutcome outcome;
    public Long awardedAmountFen;
    public Long recoveredAmountFen;
    public String closingReport;
    @Enumerated(EnumType.STRING)
    public TerminationGround terminationGround;
    @Enumerated(EnumType.STRING)
    public ApplicationStatus statusBeforeTermination;
    /** The status the objection was filed against (REFUSED or TERMINATED). */
    @Enumerated(EnumType.STRING)
    public ApplicationStatus statusBeforeObjection;
    public Instant objectionFiledAt;
    public String objectionReason;
    public Instant objectionDueAt;
    public String objectionDecision;
    public Instant objectionDecidedAt;
    public Integer rating;
    public String ratingComment;
    public Instant currentDueAt;
    /**
     * APP: applied for by a resident; NOTICE: registered by an AID_OFFICER from a 通知辩护/通知代理 notice;
     * WINDOW: entered at the 窗口 by an AID_OFFICER on the applicant's behalf.
     */
    @Enumerated(EnumType.STRING)
    public Intake intake = Intake.APP;
    @Enumerated(EnumType.STRING)
    public NoticeKind noticeKind;
    @Enumerated(EnumType.STRING)
    public NotifyingBody noticeBodyKind;
    public String noticeBodyName;
    public String noticeDocumentNumber;
    public LocalDate noticeReceivedOn;
    /** The person aided of a notice or window case (name, sex, ID number, address), sealed. */
    public String personCipher;
    public UUID enteredBy;
    @Version
    public long version;

    /** Steps the transitions produced and the service has not yet written to the timeline. */
    @Transient
    private final StepRecorder<ApplicationStatus, ApplicationStep> steps =
            new StepRecorder<>("法律援助申请", this::step);

    /** The step the last transition produced. */
    public ApplicationStep lastStep() {
        return steps.last();
    }

    /** Takes the steps produced since the last call, in order, for the timeline. */
    public java.util.List<ApplicationStep> drainSteps() {
        return steps.drain();
    }

    /** Art. 44: limitation period ending in under 7 days, or urgent preservation/advance execution. */
    public static boolean hasProvisionalAidGrounds(LocalDate limitationEndsOn, boolean urgentPreservation,
                                                   LocalDate today) {
        return urgentPreservation
                || (limitationEndsOn != null && !limitationEndsOn.isBefore(today)
                && limitationEndsOn.isBefore(today.plusDays(7)));
    }

    // ---- applicant ---------------------------------------------------------------------------------

    /** 提交: Art. 43's 7 days run from the centre's receipt of the application, i.e. from submission. */
    public void submit(Instant reviewDue, Instant now) {
        require("submit", DRAFT);
        submittedAt = now;
        reviewDueAt = reviewDue;
        currentDueAt = reviewDue;
        provisionalAidGrounds = hasProvisionalAidGrounds(limitationEndsOn, urgentPreservation,
                LocalDate.ofInstant(now, org.publiclegal.shared.domain.TimeSource.CHINA));
        move("submit", SUBMITTED, now, null);
    }

    public void withdraw(Instant now, String reason) {
        require("withdraw", DRAFT, SUBMITTED, UNDER_REVIEW, MATERIALS_REQUESTED);
        currentDueAt = null;
        clockPausedAt = null;
        move("withdraw", WITHDRAWN, now, endProvisionalAid(reason));
    }

    /** The applicant has supplied the missing materials: review resumes, the paused time is added back. */
    public void supplement(Instant now, String note) {
        require("supplement", MATERIALS_REQUESTED);
        if (materialsDueAt != null && materialsDueAt.isBefore(now)) {
            throw DomainException.rule("已超过补正期限，申请视为撤回；如仍需法律援助请重新申请");
        }
        if (clockPausedAt != null) {
            reviewDueAt = reviewDueAt.plus(Duration.between(clockPausedAt, now));
            clockPausedAt = null;
        }
        currentDueAt = reviewDueAt;
        move("supplement", UNDER_REVIEW, now, note);
    }

    /** Art. 49: objection against a refusal or a termination, decided by the justice bureau. */
    public void object(String reason, Instant objectionDue, Instant now) {
        require("object", REFUSED, TERMINATED);
        if (objectionDecision != null) {
            throw DomainException.conflict("对该决定的异议已经审查，不能重复提出；可依法申请行政复议或提起行政诉讼");
        }
        statusBeforeObjection = status;
        objectionFiledAt = now;
        objectionReason = reason;
        objectionDueAt = objectionDue;
        currentDueAt = objectionDue;
        move("object", OBJECTION_FILED, now, reason);
    }

    public void rate(int stars, String comment, Instant now) {
        require("rate", CLOSED);
        if (rating != null) {
            throw DomainException.conflict("已经评价过本案");
        }
        rating = stars;
        ratingComment = comment;
        move("rate", CLOSED, now, stars + "星");
    }

    // ---- centre ------------------------------------------------------------------------------------

    /** 受理审查: the centre takes the application up; the review deadline set at submission stands. */
    public void receive(Instant now) {
        require("receive", SUBMITTED);
        receivedAt = now;
        move("receive", UNDER_REVIEW, now, null);
    }

    /** How a case reached the centre: the app, a notice, or the 窗口 (an officer on the applicant's behalf). */
    public enum Intake { APP, NOTICE, WINDOW }

    /** A draft an officer prepares at the 窗口: the centre attaches the materials and submits it. */
    public boolean isWindowDraft() {
        return status == DRAFT && intake == Intake.WINDOW;
    }

    /** 通知辩护 (for a suspect or defendant) or 通知代理 (e.g. the respondent of a 强制医疗 case, Art. 28). */
    public enum NoticeKind { DEFENCE, REPRESENTATION }

    /** Who sent the notice: 人民法院, 人民检察院, 公安机关. */
    public enum NotifyingBody { COURT, PROCURATORATE, PUBLIC_SECURITY }

    /**
     * 登记通知辩护/通知代理 (Art. 25, 28, 36): no means test; the case counts as received and granted on the date
     * the notice was received, and a lawyer must be appointed by {@code assignmentDue} (3 days from receipt).
     */
    public void registerNotice(Instant noticeReceivedAt, Instant assignmentDue, Instant now) {
        if (status != null) {
            throw new IllegalTransition("法律援助申请", status, "register-notice", status.actions());
        }
        if (!isNotifiedDefence()) {
            throw DomainException.invalidField("grounds", "请选择应当通知辩护或代理的情形（第二十五条、第二十八条）");
        }
        intake = Intake.NOTICE;
        createdAt = now;
        submittedAt = noticeReceivedAt;
        receivedAt = noticeReceivedAt;
        decidedAt = noticeReceivedAt;
        decisionReason = "通知" + (noticeKind == NoticeKind.REPRESENTATION ? "代理" : "辩护")
                + "，免予经济状况审查（《法律援助法》第二十五条、第二十八条、第三十六条）";
        assignmentDueAt = assignmentDue;
        currentDueAt = assignmentDue;
        move("register-notice", GRANTED, now, noticeBodyName + " " + noticeDocumentNumber + "（" + noticeReceivedOn + " 收到）");
    }

    /**
     * Art. 26: a suspect or defendant who may be sentenced to life imprisonment or death, and the defendant of a
     * death-penalty review, get a lawyer with at least {@code minimumYears} years of relevant practice.
     */
    public boolean needsExperiencedLawyer() {
        return notifiedGrounds != null && (notifiedGrounds.contains(NotifiedDefenceGround.LIFE_OR_DEATH_PENALTY.name())
                || notifiedGrounds.contains(NotifiedDefenceGround.DEATH_PENALTY_REVIEW.name()));
    }

    /**
     * Refuses a lawyer without enough practice for an Art. 26 case: years of practice = this year − the first
     * year of practice on the lawyer's record (none recorded: refused).
     */
    public void requireExperiencedLawyer(Integer firstPracticeYear, int minimumYears, LocalDate today) {
        if (!needsExperiencedLawyer()) {
            return;
        }
        if (firstPracticeYear == null) {
            throw DomainException.invalidField("lawyerId", "可能被判处无期徒刑、死刑的人和死刑复核案件的被告人，应当指派具有"
                    + minimumYears + "年以上相关执业经历的律师（《法律援助法》第二十六条）；该律师没有首次执业年份记录");
        }
        int years = today.getYear() - firstPracticeYear;
        if (years < minimumYears) {
            throw DomainException.invalidField("lawyerId", "可能被判处无期徒刑、死刑的人和死刑复核案件的被告人，应当指派具有"
                    + minimumYears + "年以上相关执业经历的律师（《法律援助法》第二十六条）；该律师自 " + firstPracticeYear
                    + " 年执业，不足" + minimumYears + "年");
        }
    }

    /** Art. 25 通知辩护: no means test, the case is granted on receipt and must be assigned within 3 days. */
    public boolean isNotifiedDefence() {
        return notifiedGrounds != null && !notifiedGrounds.isBlank();
    }

    /** 一次性告知补正: allowed once, listing every missing item; optionally pauses the review clock. */
    public void requestMaterials(String items, Instant materialsDue, boolean pauseClock, Instant now) {
        require("request-materials", UNDER_REVIEW);
        if (materialsRequested) {
            throw DomainException.conflict("补正材料应一次性告知，本申请已发出过补正通知");
        }
        materialsRequested = true;
        missingItems = items;
        materialsDueAt = materialsDue;
        clockPausedAt = pauseClock ? now : null;
        currentDueAt = materialsDue;
        move("request-materials", MATERIALS_REQUESTED, now, items);
    }

    /** 视为撤回: the notice's deadline passed without the materials. */
    public void deemWithdrawn(Instant now) {
        require("deem-withdrawn", MATERIALS_REQUESTED);
        currentDueAt = null;
        move("deem-withdrawn", DEEMED_WITHDRAWN, now, endProvisionalAid("逾期未补正材料，视为撤回申请"));
    }

    /** 决定给予法律援助: the 3-day assignment clock starts, unless a lawyer already gives provisional aid. */
    public void grant(String reason, Instant assignmentDue, Instant now) {
        require("grant", UNDER_REVIEW);
        decidedAt = now;
        decisionReason = reason;
        if (lawyerId != null) {
            // 先行提供: the provisional lawyer continues; the case counts as assigned now
            assignedAt = now;
            currentDueAt = null;
            move("grant", ASSIGNED, now, reason);
            return;
        }
        assignmentDueAt = assignmentDue;
        currentDueAt = assignmentDue;
        move("grant", GRANTED, now, reason);
    }

    /** 不予法律援助, with written reasons; a provisional lawyer stops. */
    public void refuse(String reason, Instant now) {
        require("refuse", UNDER_REVIEW);
        decidedAt = now;
        decisionReason = reason;
        currentDueAt = null;
        objectionDecision = null;
        move("refuse", REFUSED, now, endProvisionalAid(reason));
    }

    /** 指派: a LAWYER of a law firm or of the centre. */
    public void assign(UUID lawyer, UUID providerOrg, Instant now) {
        require("assign", GRANTED);
        lawyerId = lawyer;
        providerOrgId = providerOrg;
        assignedAt = now;
        currentDueAt = null;
        move("assign", ASSIGNED, now, null);
    }

    /** Art. 44 先行提供: a lawyer acts before the decision; paperwork follows. */
    public void assignProvisionally(UUID lawyer, UUID providerOrg, Instant now) {
        require("assign-provisionally", SUBMITTED, UNDER_REVIEW, MATERIALS_REQUESTED);
        provisionalAidGrounds = hasProvisionalAidGrounds(limitationEndsOn, urgentPreservation,
                LocalDate.ofInstant(now, org.publiclegal.shared.domain.TimeSource.CHINA));
        if (!provisionalAidGrounds) {
            throw DomainException.rule("不符合先行提供法律援助的情形（时效即将届满不足 7 日，或需紧急申请财产保全、先予执行）");
        }
        if (lawyerId != null) {
            throw DomainException.conflict("已先行指派律师");
        }
        lawyerId = lawyer;
        providerOrgId = providerOrg;
        provisionalAid = true;
        move("assign-provisionally", status, now, "先行提供法律援助（第四十四条）");
    }

    // ---- lawyer ------------------------------------------------------------------------------------

    public void accept(Instant now) {
        require("accept", ASSIGNED);
        acceptedAt = now;
        move("accept", IN_PROGRESS, now, null);
    }

    public void progressNote(String note, Instant now) {
        require("progress-note", IN_PROGRESS);
        move("progress-note", IN_PROGRESS, now, note);
    }

    /** 结案, with the outcome, the amounts (fen) and the closing report (Art. 50). */
    public void close(CaseOutcome result, Long awardedFen, Long recoveredFen, String report, Instant now) {
        require("close", IN_PROGRESS);
        outcome = result;
        awardedAmountFen = awardedFen;
        recoveredAmountFen = recoveredFen;
        closingReport = report;
        closedAt = now;
        currentDueAt = null;
        move("close", CLOSED, now, result.name());
    }

    /** 终止 (Art. 48). */
    public void terminate(TerminationGround ground, String reason, Instant now) {
        require("terminate", GRANTED, ASSIGNED, IN_PROGRESS);
        statusBeforeTermination = status;
        terminationGround = ground;
        decisionReason = reason;
        currentDueAt = null;
        objectionDecision = null;
        move("terminate", TERMINATED, now, reason);
    }

    // ---- justice bureau ----------------------------------------------------------------------------

    /**
     * 异议审查: upheld, the decision stands; corrected, a refusal becomes a grant (the assignment clock
     * starts) and a termination is undone.
     */
    public void decideObjection(boolean uphold, String reason, Instant assignmentDue, Instant now) {
        require("decide-objection", OBJECTION_FILED);
        objectionDecision = uphold ? "UPHELD" : "CORRECTED";
        objectionDecidedAt = now;
        ApplicationStatus target;
        if (uphold) {
            target = statusBeforeObjection;
            currentDueAt = null;
        } else if (statusBeforeObjection == REFUSED) {
            decidedAt = now;
            decisionReason = reason;
            assignmentDueAt = assignmentDue;
            currentDueAt = assignmentDue;
            target = GRANTED;
        } else {
            target = statusBeforeTermination;
            terminationGround = null;
            if (target == GRANTED) {
                assignmentDueAt = assignmentDue;
                currentDueAt = assignmentDue;
            } else {
                currentDueAt = null;
            }
        }
        move(uphold ? "uphold-objection" : "correct-decision", target, now, reason);
    }

    // ---- mechanics ---------------------------------------------------------------------------------

    static final String PROVISIONAL_AID_ENDED = "先行提供法律援助的律师不再承办本案（第四十四条）";

    /**
     * A lawyer giving provisional aid stops when the application ends without a grant: the lawyer loses access
     * to the case, the case no longer shows provisional aid, and the step's note says so (the appointment itself
     * stays in the timeline). Returns the step's note.
     */
    private String endProvisionalAid(String note) {
        if (!provisionalAid) {
            return note;
        }
        lawyerId = null;
        providerOrgId = null;
        provisionalAid = false;
        return note == null ? PROVISIONAL_AID_ENDED : note + "；" + PROVISIONAL_AID_ENDED;
    }

    private void require(String action, ApplicationStatus... allowed) {
        steps.require(status, action, false, status::actions, allowed);
    }

    private void move(String action, ApplicationStatus to, Instant now, String note) {
        status = steps.move(action, status, to, now, note);
    }

    private ApplicationStep step(String action, ApplicationStatus from, ApplicationStatus to, Instant at, String note) {
        ApplicationStep step = new ApplicationStep();
        step.applicationId = id;
        step.occurredAt = at;
        step.action = action;
        step.fromStatus = from;
        step.toStatus = to;
        step.note = note;
        return step;
    }

    /** Whether the case is past the deadline of what it is waiting for. */
    public boolean isOverdue(Instant now) {
        return currentDueAt != null && currentDueAt.isBefore(now) && status.isOpen();
    }
}
