package org.publiclegal.legalaid;

/** 法律援助法 Art. 32: situations in which the economic-hardship condition does not apply. */
public enum Art32Situation {
    /** (1) 英雄烈士近亲属为维护英雄烈士的人格权益. */
    MARTYR_RELATIVE_PERSONALITY_RIGHTS,
    /** (2) 因见义勇为行为主张相关民事权益. */
    BRAVE_ACT,
    /** (3) 再审改判无罪请求国家赔偿. */
    ACQUITTED_STATE_COMPENSATION,
    /** (4) 遭受虐待、遗弃或者家庭暴力的受害人主张相关权益. */
    ABUSE_ABANDONMENT_DOMESTIC_VIOLENCE
}
