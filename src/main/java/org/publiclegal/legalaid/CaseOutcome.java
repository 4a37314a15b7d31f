package org.publiclegal.legalaid;

/** 结案情况. */
public enum CaseOutcome {
    /** 胜诉 / 诉求全部支持. */
    WON,
    /** 部分支持. */
    PARTLY_WON,
    /** 调解或和解结案. */
    SETTLED,
    /** 败诉 / 诉求未获支持. */
    LOST,
    /** 代拟文书、咨询等非诉服务完成. */
    SERVICE_COMPLETED,
    /** 其他. */
    OTHER
}
