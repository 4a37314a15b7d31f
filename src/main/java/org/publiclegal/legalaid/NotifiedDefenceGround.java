package org.publiclegal.legalaid;

/** 法律援助法 Art. 25 and 28: grounds on which the case-handling body must notify the agency (通知辩护), no means test. */
public enum NotifiedDefenceGround {
    /** 未成年人. */
    MINOR,
    /** 视力、听力、言语残疾人. */
    BLIND_DEAF_MUTE,
    /** 不能完全辨认自己行为的成年人. */
    MENTAL_INCAPACITY,
    /** 可能被判处无期徒刑、死刑的人. */
    LIFE_OR_DEATH_PENALTY,
    /** 申请法律援助的死刑复核案件被告人. */
    DEATH_PENALTY_REVIEW,
    /** 缺席审判案件的被告人. */
    TRIAL_IN_ABSENTIA,
    /** Art. 28 强制医疗案件. */
    COMPULSORY_MEDICAL_TREATMENT
}
