package org.publiclegal.notification;

import java.time.Instant;

/**
 * A matter as the resident sees it now, worked out from the module's record by {@link MatterRules}.
 *
 * @param code        the stage; a change of stage is a new notice
 * @param statusText  the status in plain Chinese
 * @param nextActor   who acts next (申请人, 法律援助中心, 调解员 …)
 * @param todo        what the resident must do now, or null
 * @param deadline    the date that matters now (the resident's, or the one the other side works to)
 * @param urgency     0 the resident must act, 1 waiting on others, 2 finished
 * @param kind        the kind of the notice a change to this stage sends
 * @param noticeTitle the notice's title, or null when the stage needs no notice (the resident's own act)
 * @param noticeBody  the notice's text
 */
public record MatterState(String code, String statusText, String nextActor, String todo, Instant deadline, int urgency,
                          NoticeKind kind, String noticeTitle, String noticeBody) {

    public static final int ACT_NOW = 0;
    public static final int WAITING = 1;
    public static final int FINISHED = 2;
}
