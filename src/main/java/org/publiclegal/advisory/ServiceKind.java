package org.publiclegal.advisory;

/** 服务类型 of a service record (一事一记), with what each counts in the yearly figures. */
public enum ServiceKind {
    /** 法律咨询. */
    CONSULTATION("法律咨询"),
    /** 审查合同文书: one 提供法律事项审查和建议. */
    CONTRACT_REVIEW("审查合同文书"),
    /** 出具法律意见: one 提供法律事项审查和建议. */
    LEGAL_OPINION("出具法律意见"),
    /** 审查村规民约和重大决策: one 提供法律事项审查和建议. */
    RULES_AND_DECISIONS_REVIEW("审查村规民约和重大决策"),
    /** 参与调解. */
    MEDIATION("参与调解"),
    /** 法治讲座: one 法治讲座 and its attendance in 普法参与人次. */
    LECTURE("法治讲座"),
    /** 其他. */
    OTHER("其他");

    public final String label;

    ServiceKind(String label) {
        this.label = label;
    }

    /** Whether a record of this kind is one 提供法律事项审查和建议 (条). */
    public boolean isLegalReview() {
        return this == CONTRACT_REVIEW || this == LEGAL_OPINION || this == RULES_AND_DECISIONS_REVIEW;
    }
}
