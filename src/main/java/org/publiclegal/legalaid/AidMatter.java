package org.publiclegal.legalaid;

/** 法律援助事项: what the matter is about (法律援助法 Art. 24, 29, 31, 33). */
public enum AidMatter {
    /** Art. 31(1) 依法请求国家赔偿. */
    STATE_COMPENSATION,
    /** Art. 31(2) 请求给予社会保险待遇或者社会救助. */
    SOCIAL_INSURANCE_OR_ASSISTANCE,
    /** Art. 31(3) 请求发给抚恤金. */
    SURVIVOR_OR_DISABILITY_PENSION,
    /** Art. 31(4) 请求给付赡养费、抚养费、扶养费. */
    SUPPORT_PAYMENT,
    /** Art. 31(5) 请求确认劳动关系或者支付劳动报酬. */
    LABOUR_RELATIONSHIP_OR_WAGES,
    /** Art. 31(6) 请求认定公民无民事行为能力或者限制民事行为能力. */
    CIVIL_CAPACITY,
    /**
     * Art. 31(7) 请求交通事故、食品药品安全事故、医疗事故人身损害赔偿 (personal injury other than a work injury:
     * always means-checked, Art. 42(3) does not cover it).
     */
    PERSONAL_INJURY,
    /** Art. 31(7) 请求工伤事故人身损害赔偿 (work injury; with 进城务工人员 exempt from the means check, Art. 42(3)). */
    WORK_INJURY,
    /** Art. 31(8) 请求环境污染、生态破坏损害赔偿. */
    ENVIRONMENTAL_DAMAGE,
    /** Art. 31(9) 法律、法规、规章规定的其他情形 (provincial extensions). */
    OTHER_PROVINCIAL,
    /** A civil or administrative matter not on the Art. 31 list. */
    OTHER_CIVIL,
    /** Art. 24 犯罪嫌疑人、被告人申请刑事辩护. */
    CRIMINAL_DEFENCE,
    /** Art. 29 刑事案件的被害人、自诉人、附带民事诉讼当事人. */
    CRIMINAL_VICTIM,
    /** Art. 33 申诉、再审案件. */
    PETITION_OR_RETRIAL;

    public boolean isCriminal() {
        return this == CRIMINAL_DEFENCE || this == CRIMINAL_VICTIM;
    }
}
