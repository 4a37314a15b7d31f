package org.publiclegal.legalaid;

/** 申请材料类别. */
public enum MaterialCategory {
    /** 身份证明. */
    IDENTITY,
    /** 经济状况说明 / 个人诚信承诺. */
    FINANCIAL_STATUS,
    /** 免予核查证明 (低保证、特困证明、残疾证…). */
    EXEMPTION_PROOF,
    /** 案件材料 (起诉状、判决书、劳动合同…). */
    CASE_MATERIALS,
    /** 代理或监护关系证明 (Art. 40). */
    AUTHORIZATION,
    /** 其他. */
    OTHER
}
