package org.publiclegal.advisory;

/** 执业类别 of a village legal advisor. */
public enum PracticeCategory {
    /** 律师. */
    LAWYER("律师"),
    /** 基层法律服务工作者. */
    GRASSROOTS_WORKER("基层法律服务工作者"),
    /** 公职律师. */
    PUBLIC_LAWYER("公职律师");

    public final String label;

    PracticeCategory(String label) {
        this.label = label;
    }
}
