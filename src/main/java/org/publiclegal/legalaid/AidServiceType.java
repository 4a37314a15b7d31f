package org.publiclegal.legalaid;

/** 法律援助服务形式 (法律援助法 Art. 22). */
public enum AidServiceType {
    /** 法律咨询. */
    LEGAL_CONSULTATION,
    /** 代拟法律文书. */
    DOCUMENT_DRAFTING,
    /** 刑事辩护与代理. */
    CRIMINAL_DEFENCE_OR_REPRESENTATION,
    /** 民事案件、行政案件、国家赔偿案件的诉讼代理及非诉讼代理. */
    CIVIL_ADMINISTRATIVE_REPRESENTATION,
    /** 值班律师法律帮助. */
    DUTY_LAWYER_HELP,
    /** 劳动争议调解与仲裁代理. */
    LABOUR_MEDIATION_ARBITRATION,
    /** 其他. */
    OTHER
}
