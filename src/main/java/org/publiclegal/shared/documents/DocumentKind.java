package org.publiclegal.shared.documents;

/** The statutory documents the platform prints, each with its own 字号 (document-number) sequence per organisation. */
public enum DocumentKind {
    /** 人民调解协议书 (人民调解法第二十九条), numbered by the committee. */
    MEDIATION_AGREEMENT("人民调解协议书", "调"),
    /** 给予法律援助决定书 (法律援助法第四十三条). */
    AID_GRANT("给予法律援助决定书", "援决"),
    /** 不予法律援助决定书 (法律援助法第四十三条、第四十九条). */
    AID_REFUSAL("不予法律援助决定书", "援不"),
    /** 补正材料通知书 (法律援助法第四十三条：一次性告知). */
    AID_MATERIALS("补正材料通知书", "援补"),
    /** 指派通知书 (法律援助法第四十三条、第三十六条). */
    AID_ASSIGNMENT("指派通知书", "援指");

    private final String title;
    private final String defaultSuffix;

    DocumentKind(String title, String defaultSuffix) {
        this.title = title;
        this.defaultSuffix = defaultSuffix;
    }

    public String title() {
        return title;
    }

    /** What a default prefix ends with: the organisation's first character comes before it (鹤 + 调 → 鹤调). */
    public String defaultSuffix() {
        return defaultSuffix;
    }
}
