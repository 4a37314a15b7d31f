package org.publiclegal.legalaid;

/** 法律援助法 Art. 42: applicants exempt from verification of their finances (免予核查经济困难状况). */
public enum ExemptionCategory {
    /** (1) 无固定生活来源的未成年人、老年人、残疾人等特定群体. */
    MINOR_ELDERLY_DISABLED_NO_FIXED_INCOME,
    /** (2) 社会救助对象 (低保、特困供养等). */
    SOCIAL_ASSISTANCE_RECIPIENT,
    /** (2) 司法救助对象. */
    JUDICIAL_ASSISTANCE_RECIPIENT,
    /** (2) 优抚对象. */
    PREFERENTIAL_CARE_RECIPIENT,
    /** (3) 申请支付劳动报酬或者请求工伤事故人身损害赔偿的进城务工人员. */
    MIGRANT_WORKER_WAGES_OR_INJURY
}
