package org.publiclegal.identity;

/** 群众 (signs in through WeChat) or 工作人员 (username and password). */
public enum AccountKind {
    RESIDENT, STAFF
}
