package org.publiclegal.notification;

import org.publiclegal.advisory.booking.Booking;
import org.publiclegal.legalaid.LegalAidApplication;
import org.publiclegal.mediation.Dispute;
import org.publiclegal.mediation.Party;
import org.publiclegal.shared.domain.TimeSource;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import static org.publiclegal.notification.MatterState.ACT_NOW;
import static org.publiclegal.notification.MatterState.FINISHED;
import static org.publiclegal.notification.MatterState.WAITING;

/**
 * What each module's record means to the resident: status in plain Chinese, who acts next, what to do now, the
 * deadline, how urgent, and the notice a change to it sends. Pure functions, unit tested.
 */
public final class MatterRules {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日").withZone(TimeSource.CHINA);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(TimeSource.CHINA);

    private MatterRules() {
    }

    static String day(Instant at) {
        return DAY.format(at);
    }

    static String time(Instant at) {
        return TIME.format(at);
    }

    /** 法律援助申请 as its applicant sees it. */
    public static MatterState legalAid(LegalAidApplication a) {
        String ref = a.reference;
        return switch (a.status) {
            case DRAFT -> new MatterState("DRAFT", "草稿，尚未提交", "申请人", "上传所需材料后提交申请", null, ACT_NOW,
                    NoticeKind.AID_PROGRESS, null, null);
            case SUBMITTED -> aid("SUBMITTED", "已提交，等待法律援助中心接收", "法律援助中心", null, null, WAITING,
                    "申请已提交", "您的法律援助申请 " + ref + " 已提交，法律援助中心接收后开始审查。");
            case UNDER_REVIEW -> aid("UNDER_REVIEW", "审查中", "法律援助中心", null, a.reviewDueAt, WAITING,
                    "申请已受理审查", "法律援助中心正在审查您的申请 " + ref
                            + (a.reviewDueAt == null ? "。" : "，将于" + day(a.reviewDueAt) + "前作出决定。"));
            case MATERIALS_REQUESTED -> aid("MATERIALS_REQUESTED", "待补正材料", "申请人",
                    "请" + (a.materialsDueAt == null ? "尽快" : "于" + day(a.materialsDueAt) + "前") + "补正材料："
                            + (a.missingItems == null ? "见补正通知" : a.missingItems), a.materialsDueAt, ACT_NOW,
                    "请补正材料", "您的申请 " + ref + " 需要补正材料：" + (a.missingItems == null ? "见补正通知" : a.missingItems)
                            + (a.materialsDueAt == null ? "" : "。逾期未补正视为撤回申请，截止" + day(a.materialsDueAt) + "。"));
            case GRANTED -> aid("GRANTED", "已决定给予法律援助，等待指派律师", "法律援助中心", null, a.assignmentDueAt, WAITING,
                    "决定给予法律援助", "您的申请 " + ref + " 已决定给予法律援助，法律援助中心将指派承办人员。");
            case REFUSED -> aid("REFUSED", "不予法律援助", "申请人", "如有异议，可向司法局提出异议", null, ACT_NOW,
                    "决定不予法律援助", "您的申请 " + ref + " 未获法律援助"
                            + (a.decisionReason == null ? "" : "，理由：" + a.decisionReason) + "。如有异议，可提出异议。");
            case ASSIGNED -> aid("ASSIGNED", "已指派承办律师", "承办律师", null, null, WAITING,
                    "已指派承办律师", "法律援助中心已为您的案件 " + ref + " 指派承办律师，律师将与您联系。");
            case IN_PROGRESS -> aid("IN_PROGRESS", "律师承办中", "承办律师", null, null, WAITING,
                    "律师已开始承办", "承办律师已接受指派，开始办理您的案件 " + ref + "。");
            case CLOSED -> a.rating == null
                    ? new MatterState("CLOSED", "已结案，待评价", "申请人", "请对本次法律援助服务作出评价", null, ACT_NOW,
                    NoticeKind.RATING_REQUEST, "案件已结案，请评价", "您的法律援助案件 " + ref + " 已结案，欢迎对服务作出评价。")
                    : aid("CLOSED_RATED", "已结案", null, null, null, FINISHED, null, null);
            case TERMINATED -> aid("TERMINATED", "已终止法律援助", "申请人", "如有异议，可向司法局提出异议", null, ACT_NOW,
                    "法律援助已终止", "您的案件 " + ref + " 已终止法律援助。如有异议，可提出异议。");
            case OBJECTION_FILED -> aid("OBJECTION_FILED", "异议审查中", "司法局", null, a.objectionDueAt, WAITING,
                    "异议已提交", "司法局正在审查您对 " + ref + " 的异议"
                            + (a.objectionDueAt == null ? "。" : "，将于" + day(a.objectionDueAt) + "前作出决定。"));
            case WITHDRAWN -> aid("WITHDRAWN", "已撤回", null, null, null, FINISHED, null, null);
            case DEEMED_WITHDRAWN -> aid("DEEMED_WITHDRAWN", "视为撤回（未按期补正材料）", null, null, null, FINISHED,
                    "申请视为撤回", "您的申请 " + ref + " 未在期限内补正材料，视为撤回。如仍需法律援助，可重新申请。");
        };
    }

    private static MatterState aid(String code, String text, String next, String todo, Instant deadline, int urgency,
                                   String title, String body) {
        return new MatterState(code, text, next, todo, deadline, urgency, NoticeKind.AID_PROGRESS, title, body);
    }

    /** 调解案件 as one of its parties ({@code own}, null when not a party) sees it. */
    public static MatterState dispute(Dispute d, Party own) {
        String ref = d.reference;
        boolean consentPending = own != null && own.consent == Party.Consent.PENDING;
        return switch (d.status) {
            case SUBMITTED, ACCEPTED -> consentPending
                    ? med(d.status + "_INVITED", d.origin == Dispute.Origin.COURT_REFERRED ? "法院委派调解，待您确认" : "待您确认是否同意调解",
                    "当事人", "请确认是否同意调解", d.dueAt, ACT_NOW, "请确认是否同意调解",
                    "您已加入调解案件 " + ref + "，请确认是否同意由人民调解委员会调解。")
                    : d.status == org.publiclegal.mediation.MediationStatus.SUBMITTED
                    ? med("SUBMITTED", "已申请，等待调委会受理", "人民调解委员会", null, null, WAITING, "调解申请已提交",
                    "您的调解申请 " + ref + " 已提交，调委会将决定是否受理。")
                    : med("ACCEPTED", "已受理，等待各方同意调解", "其他当事人", null, d.dueAt, WAITING, "调委会已受理",
                    "调委会已受理 " + ref + "，各方同意后开始调解" + (d.dueAt == null ? "。" : "，调解期限至" + day(d.dueAt) + "。"));
            case IN_MEDIATION -> med("IN_MEDIATION", "调解中", "调解员", null, d.dueAt, WAITING, "开始调解",
                    "各方已同意调解，调解员将与您联系安排调解（" + ref + "）。");
            case AGREEMENT_PENDING -> own != null && own.agreementConfirmedAt == null
                    ? med("AGREEMENT_TO_CONFIRM", "调解协议待您确认", "当事人", "请阅读并确认调解协议", d.dueAt, ACT_NOW,
                    "请确认调解协议", "调解员已拟定 " + ref + " 的调解协议书，请阅读并确认。")
                    : med("AGREEMENT_CONFIRMED", "协议待其他当事人确认及调委会盖章", "其他当事人、调委会", null, d.dueAt, WAITING,
                    null, null);
            case SUCCEEDED -> med("SUCCEEDED", "调解成功，协议已生效", null, null, null, FINISHED, "调解成功",
                    "调解协议已生效（" + ref + "），请按协议履行。需要时可由调委会协助申请司法确认。");
            case FAILED -> med("FAILED", "调解不成", null, null, null, FINISHED, "调解未能达成协议",
                    "案件 " + ref + " 调解不成" + (d.failureReason == null ? "" : "：" + d.failureReason)
                            + "。您可以通过仲裁、诉讼等途径解决。");
            case NOT_ACCEPTED -> med("NOT_ACCEPTED", "调委会不予受理", null, null, null, FINISHED, "调解申请未被受理",
                    "调委会未受理 " + ref + (d.declineReason == null ? "" : "：" + d.declineReason) + "。");
            case REFUSED_BY_PARTY -> med("REFUSED_BY_PARTY", "当事人拒绝调解，调解终止", null, null, null, FINISHED,
                    "调解终止", "有当事人拒绝调解，案件 " + ref + " 调解终止。您可以通过其他途径解决。");
            case WITHDRAWN -> med("WITHDRAWN", "已撤回", null, null, null, FINISHED, "调解申请已撤回",
                    "调解案件 " + ref + " 已撤回。");
        };
    }

    private static MatterState med(String code, String text, String next, String todo, Instant deadline, int urgency,
                                   String title, String body) {
        return new MatterState(code, text, next, todo, deadline, urgency, NoticeKind.MEDIATION_PROGRESS, title, body);
    }

    /** 法律顾问预约 as the resident who booked it sees it. */
    public static MatterState booking(Booking b) {
        String when = time(b.startsAt);
        return switch (b.status) {
            case PENDING -> bk("PENDING", "待法律顾问确认", "法律顾问", null, b.startsAt, WAITING, null, null);
            case CONFIRMED -> bk("CONFIRMED", "预约已确认", "申请人", "请于" + when + "按预约方式参加咨询", b.startsAt, ACT_NOW,
                    "预约已确认", "法律顾问已确认您" + when + "的预约，请按时参加。");
            case DECLINED -> bk("DECLINED", "法律顾问未能接受预约", null, null, null, FINISHED, "预约未被接受",
                    "您" + when + "的预约未被接受" + (b.declineReason == null ? "" : "：" + b.declineReason) + "，可另选时段。");
            case CANCELLED -> bk("CANCELLED", "已取消", null, null, null, FINISHED, null, null);
            case NO_SHOW -> bk("NO_SHOW", "未到场", null, null, null, FINISHED, "预约已记为未到场",
                    "您" + when + "的预约已记为未到场。");
            case COMPLETED -> b.rating == null
                    ? new MatterState("COMPLETED", "已完成，待评价", "申请人", "请对本次法律顾问服务作出评价", null, ACT_NOW,
                    NoticeKind.RATING_REQUEST, "服务已完成，请评价", "您" + when + "的法律咨询已完成，欢迎评价。")
                    : bk("RATED", "已完成", null, null, null, FINISHED, null, null);
        };
    }

    private static MatterState bk(String code, String text, String next, String todo, Instant deadline, int urgency,
                                  String title, String body) {
        return new MatterState(code, text, next, todo, deadline, urgency, NoticeKind.BOOKING_PROGRESS, title, body);
    }

    /** A booking's case reference (bookings have no number of their own). */
    public static String bookingReference(Booking b) {
        return "YY-" + b.id.toString().substring(0, 8).toUpperCase();
    }
}
