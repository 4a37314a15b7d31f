package org.publiclegal.region;

/** Kinds of organisation in the public legal service system. */
public enum OrganisationType {
    /** 司法局 (county justice bureau). */
    JUSTICE_BUREAU,
    /** 司法所 (township judicial office), one per township. */
    JUDICIAL_OFFICE,
    /** 法律援助中心 (legal aid centre), per county. */
    LEGAL_AID_CENTRE,
    /** 人民调解委员会 (people's mediation committee): village, township or industry. */
    MEDIATION_COMMITTEE,
    /** 律师事务所 (law firm). */
    LAW_FIRM,
    /** 法院 (court), for referrals. */
    COURT;

    /** 调委会的类别. */
    public enum CommitteeKind {
        /** 村(居)调委会. */
        VILLAGE,
        /** 乡镇(街道)调委会. */
        TOWNSHIP,
        /** 行业性、专业性调委会. */
        INDUSTRY
    }
}
