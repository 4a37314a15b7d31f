package org.publiclegal.advisory;

/** 服务方式: on site at the village's 法律服务室, by phone, by video. */
public enum ServiceMode {
    /** 现场（村（社区）法律服务室）. */
    ON_SITE,
    /** 电话. */
    PHONE,
    /** 视频. */
    VIDEO
}
