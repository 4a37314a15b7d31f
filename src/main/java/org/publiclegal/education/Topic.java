package org.publiclegal.education;

/** 普法主题: the controlled vocabulary episodes are tagged with (the feed filters on it). */
public enum Topic {
    CIVIL_CODE("民法典"),
    MARRIAGE_FAMILY("婚姻家庭"),
    LABOUR_WAGES("劳动权益/欠薪"),
    ANTI_FRAUD("反电信网络诈骗"),
    MINORS("未成年人保护"),
    ELDERLY("老年人权益"),
    CONSUMER("消费者权益"),
    LAND_HOMESTEAD("土地与宅基地"),
    ROAD_TRAFFIC("道路交通"),
    CONSTITUTION("宪法"),
    AID_AND_MEDIATION("法律援助与调解指引"),
    OTHER("其他");

    private final String label;

    Topic(String label) {
        this.label = label;
    }

    /** The Chinese label residents see (and search finds). */
    public String label() {
        return label;
    }
}
