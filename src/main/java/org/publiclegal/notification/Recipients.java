package org.publiclegal.notification;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.hibernate.reactive.panache.Panache;

import java.util.List;
import java.util.UUID;

/**
 * Staff who receive a case's new work and deadline notices: the active accounts with a role in the organisation
 * handling it, or with a role whose scope is exactly a region (the township's 司法所, the county's 司法局).
 */
@ApplicationScoped
public class Recipients {

    /*
     * HQL, not native SQL: both run on every submission, and Hibernate 7.2 (reactive) caches the plan of a native
     * select under a key that never equals the next call's, with or without a result class (a new entry per call,
     * all in one hash bin: issue 17, 12 % of a submission's samples; QueryPlanCacheTest counts the hits).
     * An HQL query's plan is found again by its text.
     */
    private static final String STAFF = "select a.id from Account a where a.kind = "
            + "org.publiclegal.identity.AccountKind.STAFF and a.active = true";
    private static final String ROLE = " and concat(',', a.roles, ',') like :role order by a.id";

    public Uni<List<UUID>> inOrganisation(UUID organisationId, String role) {
        if (organisationId == null) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createSelectionQuery(STAFF + " and a.organisationId = :o" + ROLE, UUID.class)
                .setParameter("o", organisationId).setParameter("role", "%," + role + ",%").getResultList());
    }

    public Uni<List<UUID>> inRegion(String regionCode, String role) {
        return Panache.getSession().chain(s -> s.createSelectionQuery(STAFF + " and a.regionCode = :r" + ROLE, UUID.class)
                .setParameter("r", regionCode).setParameter("role", "%," + role + ",%").getResultList());
    }

    /** The township (乡镇) code of a village or township code. */
    public static String township(String code) {
        return code.substring(0, 9) + "000";
    }

    /** The county (县) code of any code below it. */
    public static String county(String code) {
        return code.substring(0, 6) + "000000";
    }
}
