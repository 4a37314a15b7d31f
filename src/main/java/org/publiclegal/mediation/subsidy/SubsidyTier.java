package org.publiclegal.mediation.subsidy;

/** 案件难易档次 for 以案奖补: the county documents grade the subsidy by difficulty. */
public enum SubsidyTier {
    /** 一般纠纷. */
    ORDINARY,
    /** 较复杂纠纷 (more people, larger amounts, several sessions). */
    COMPLEX,
    /** 重大疑难纠纷. */
    MAJOR
}
