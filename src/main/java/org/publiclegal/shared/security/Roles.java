package org.publiclegal.shared.security;

import java.util.Set;

/** The roles carried in access tokens ({@code groups} claim). */
public final class Roles {
    /** 群众: a resident signed in through WeChat. */
    public static final String RESIDENT = "RESIDENT";
    /** 人民调解员. */
    public static final String MEDIATOR = "MEDIATOR";
    /** 法律援助中心工作人员. */
    public static final String AID_OFFICER = "AID_OFFICER";
    /** 律师 / 基层法律服务工作者 (legal aid provider, village legal advisor). */
    public static final String LAWYER = "LAWYER";
    /** 司法所工作人员. */
    public static final String JUDICIAL_OFFICE = "JUDICIAL_OFFICE";
    /** 司法局管理员. */
    public static final String BUREAU_ADMIN = "BUREAU_ADMIN";
    /** 系统管理员. */
    public static final String SYSTEM_ADMIN = "SYSTEM_ADMIN";

    public static final Set<String> STAFF = Set.of(MEDIATOR, AID_OFFICER, LAWYER, JUDICIAL_OFFICE, BUREAU_ADMIN,
            SYSTEM_ADMIN);

    private Roles() {
    }
}
