package org.publiclegal.mediation;

/** 纠纷类型. */
public enum DisputeType {
    /** 邻里纠纷. */
    NEIGHBOUR,
    /** 婚姻家庭纠纷. */
    MARRIAGE_FAMILY,
    /** 劳动纠纷. */
    LABOUR,
    /** 土地山林纠纷. */
    LAND_FOREST,
    /** 物业纠纷. */
    PROPERTY_MANAGEMENT,
    /** 消费纠纷. */
    CONSUMER,
    /** 交通事故纠纷. */
    TRAFFIC_ACCIDENT,
    /** 医疗纠纷. */
    MEDICAL,
    /** 损害赔偿纠纷. */
    DAMAGES,
    /** 其他. */
    OTHER
}
