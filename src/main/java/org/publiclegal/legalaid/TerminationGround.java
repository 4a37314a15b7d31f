package org.publiclegal.legalaid;

/** 终止法律援助的情形 (法律援助法 Art. 48). */
public enum TerminationGround {
    /** (1) 以欺骗或者其他不正当手段获得法律援助. */
    OBTAINED_BY_DECEIT,
    /** (2) 故意隐瞒重要事实或者提供虚假证据. */
    CONCEALED_FACTS_OR_FALSE_EVIDENCE,
    /** (3) 利用法律援助从事违法活动. */
    USED_FOR_ILLEGAL_ACTS,
    /** (4) 经济状况发生变化，不再符合法律援助条件. */
    NO_LONGER_IN_HARDSHIP,
    /** (5) 案件终止审理或者已经被撤销. */
    CASE_ENDED_OR_WITHDRAWN,
    /** (6) 受援人有正当理由自行委托律师或者其他代理人. */
    HIRED_OWN_LAWYER,
    /** (7) 受援人有正当理由要求终止法律援助. */
    RECIPIENT_REQUESTED,
    /** (8) 法律法规规定的其他情形. */
    OTHER_BY_LAW
}
