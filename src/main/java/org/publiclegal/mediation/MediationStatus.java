package org.publiclegal.mediation;

import java.util.List;
import java.util.Map;

/**
 * 调解案件状态 (人民调解法 Art. 17–31; domain §9). Mediation is voluntary: it proceeds only once the committee
 * has accepted the case and every party has consented; a refusal ends it.
 */
public enum MediationStatus {
    /** 已申请: the committee decides whether to accept; the other parties are invited. */
    SUBMITTED,
    /** 已受理: the time limit runs; waiting for every party's consent. */
    ACCEPTED,
    /** 调解中. */
    IN_MEDIATION,
    /** 协议待确认: the agreement waits for every party's confirmation and the committee's seal. */
    AGREEMENT_PENDING,
    /** 调解成功: the agreement has taken effect. */
    SUCCEEDED,
    /** 调解不成: ended; the parties are told the other routes. */
    FAILED,
    /** 不予受理. */
    NOT_ACCEPTED,
    /** 当事人拒绝调解 (Art. 17: mediation may not proceed). */
    REFUSED_BY_PARTY,
    /** 申请人撤回. */
    WITHDRAWN;

    private static final Map<MediationStatus, List<String>> ACTIONS = Map.of(
            SUBMITTED, List.of("accept", "decline", "consent", "refuse", "withdraw", "message"),
            ACCEPTED, List.of("assign", "consent", "refuse", "withdraw", "extend", "schedule-session", "record-minutes",
                    "message", "escalate"),
            IN_MEDIATION, List.of("assign", "draft-agreement", "oral-agreement", "paper-agreement", "fail",
                    "end-mediation", "withdraw", "extend", "schedule-session", "record-minutes", "message", "escalate"),
            AGREEMENT_PENDING, List.of("confirm-agreement", "seal-agreement", "paper-agreement", "fail", "end-mediation",
                    "record-minutes", "message", "escalate"),
            SUCCEEDED, List.of("judicial-confirmation", "after-rejection", "follow-up", "message", "archive"),
            FAILED, List.of("archive"),
            NOT_ACCEPTED, List.of("archive"),
            REFUSED_BY_PARTY, List.of("archive"),
            WITHDRAWN, List.of("archive"));

    public List<String> actions() {
        return ACTIONS.get(this);
    }

    /** Still with the committee (appears in queues; the time limit matters). */
    public boolean isOpen() {
        return this == SUBMITTED || this == ACCEPTED || this == IN_MEDIATION || this == AGREEMENT_PENDING;
    }

    public static final List<MediationStatus> OPEN = List.of(SUBMITTED, ACCEPTED, IN_MEDIATION, AGREEMENT_PENDING);
}
