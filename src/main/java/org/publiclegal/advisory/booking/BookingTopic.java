package org.publiclegal.advisory.booking;

/** 咨询事项: the controlled list a resident picks the topic of a booking from. */
public enum BookingTopic {
    /** 婚姻家庭. */
    MARRIAGE_AND_FAMILY("婚姻家庭"),
    /** 劳动用工. */
    LABOUR("劳动用工"),
    /** 土地承包与宅基地. */
    LAND_AND_HOMESTEAD("土地承包与宅基地"),
    /** 合同纠纷. */
    CONTRACT("合同纠纷"),
    /** 邻里纠纷. */
    NEIGHBOURS("邻里纠纷"),
    /** 继承. */
    INHERITANCE("继承"),
    /** 侵权赔偿. */
    TORT("侵权赔偿"),
    /** 其他. */
    OTHER("其他");

    public final String label;

    BookingTopic(String label) {
        this.label = label;
    }
}
