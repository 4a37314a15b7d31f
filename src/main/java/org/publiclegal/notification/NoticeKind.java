package org.publiclegal.notification;

/**
 * 消息类型: what a notice is about, who gets it, and whether its recipient may switch it off. Residents may switch
 * off any of theirs; staff only {@link #NEW_WORK}: deadline notices cannot be switched off.
 */
public enum NoticeKind {
    /** 法律援助进展: received, 补正 needed, decision, assignment, closure. */
    AID_PROGRESS("法律援助进展", true, true),
    /** 调解进展: accepted, invitation joined, agreement to confirm, outcome. */
    MEDIATION_PROGRESS("调解进展", true, true),
    /** 预约进展: confirmed, declined, completed. */
    BOOKING_PROGRESS("预约进展", true, true),
    /** 办理提醒: a resident's own deadline (补正 due, the booking tomorrow). */
    ACTION_REMINDER("办理提醒", true, true),
    /** 评价邀请: rate a closed case or a completed booking. */
    RATING_REQUEST("评价邀请", true, true),
    /** 新任务: a new application, dispute, booking, assignment or callback for staff. */
    NEW_WORK("新任务", false, true),
    /** 期限将至: a statutory or service deadline within a day. */
    DEADLINE_APPROACHING("期限将至", false, false),
    /** 已逾期: a deadline passed with the step not taken. */
    DEADLINE_MISSED("已逾期", false, false);

    public final String label;
    public final boolean forResidents;
    public final boolean switchable;

    NoticeKind(String label, boolean forResidents, boolean switchable) {
        this.label = label;
        this.forResidents = forResidents;
        this.switchable = switchable;
    }

    /** Whether an account (resident or staff) may choose this kind at all. */
    public boolean appliesTo(boolean resident) {
        return forResidents == resident;
    }
}
