package org.publiclegal.legalaid;

import java.util.List;
import java.util.Map;

/**
 * 法律援助申请状态 (domain §9). Each status lists the actions that may follow it; anything else is an
 * illegal transition (409 naming these).
 */
public enum ApplicationStatus {
    /** 草稿: created by the resident, materials being attached. */
    DRAFT,
    /** 已提交: waiting for the centre to receive it. */
    SUBMITTED,
    /** 审查中: received; the 7-day review clock runs (Art. 43). */
    UNDER_REVIEW,
    /** 待补正: the one-time list of missing materials was sent; clock paused (configurable). */
    MATERIALS_REQUESTED,
    /** 已决定给予法律援助: the 3-day assignment clock runs. */
    GRANTED,
    /** 不予法律援助 (written reasons; objection possible, Art. 49). */
    REFUSED,
    /** 已指派: a lawyer or the centre's own staff was appointed. */
    ASSIGNED,
    /** 承办中: the lawyer accepted. */
    IN_PROGRESS,
    /** 已结案. */
    CLOSED,
    /** 终止法律援助 (Art. 48; objection possible). */
    TERMINATED,
    /** 异议审查中: the justice bureau decides within 5 days. */
    OBJECTION_FILED,
    /** 申请人撤回. */
    WITHDRAWN,
    /** 视为撤回: missing materials not supplied by the notice's deadline. */
    DEEMED_WITHDRAWN;

    private static final Map<ApplicationStatus, List<String>> ACTIONS = Map.ofEntries(
            Map.entry(DRAFT, List.of("upload-material", "submit", "withdraw")),
            Map.entry(SUBMITTED, List.of("receive", "assign-provisionally", "withdraw")),
            Map.entry(UNDER_REVIEW, List.of("request-materials", "grant", "refuse", "assign-provisionally", "withdraw")),
            Map.entry(MATERIALS_REQUESTED, List.of("upload-material", "supplement", "assign-provisionally", "withdraw")),
            Map.entry(GRANTED, List.of("assign", "terminate")),
            Map.entry(REFUSED, List.of("object")),
            Map.entry(ASSIGNED, List.of("accept", "terminate")),
            Map.entry(IN_PROGRESS, List.of("progress-note", "close", "terminate")),
            Map.entry(CLOSED, List.of("rate")),
            Map.entry(TERMINATED, List.of("object")),
            Map.entry(OBJECTION_FILED, List.of("decide-objection")),
            Map.entry(WITHDRAWN, List.of()),
            Map.entry(DEEMED_WITHDRAWN, List.of()));

    /** The actions allowed in this status. */
    public List<String> actions() {
        return ACTIONS.get(this);
    }

    /** The statuses that appear in staff queues (something is still to be done). */
    public static final java.util.List<ApplicationStatus> OPEN = java.util.Arrays.stream(values())
            .filter(ApplicationStatus::isOpen).toList();

    /** Still waiting on the centre, the lawyer or the bureau (appears in queues). */
    public boolean isOpen() {
        return this == SUBMITTED || this == UNDER_REVIEW || this == MATERIALS_REQUESTED || this == GRANTED
                || this == ASSIGNED || this == IN_PROGRESS || this == OBJECTION_FILED;
    }
}
