package org.publiclegal.notification;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.quarkus.hibernate.reactive.panache.Panache;

import java.util.List;
import java.util.Map;
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
    private static final String STAFF = "a.kind = org.publiclegal.identity.AccountKind.STAFF and a.active = true";
    private static final String ROLE = " and concat(',', a.roles, ',') like :role";
    private static final String STAFF_SQL = "a.kind = 'STAFF' and a.active";
    private static final String ROLE_SQL = " and (',' || a.roles || ',') like :role";
    private static final String NOBODY = "1 = 0";

    /**
     * Whom to tell: a condition on the account {@code a} with its parameters, in HQL to list the accounts
     * ({@link #list}) and in SQL for the one native {@code insert … select} of their notices
     * ({@link Notifier#newWork}; Hibernate Reactive translates an HQL insert again on every call: 8 % of a dispute
     * submission's samples, bench/results/profile-creates-2026-12-02.md). The texts depend only on the kind of
     * choice, so the HQL plan is cached once.
     */
    public record Who(String condition, String sqlCondition, Map<String, Object> parameters) {

        /** Whether it chooses nobody at all (no organisation, no account), so that no query is needed. */
        public boolean nobody() {
            return NOBODY.equals(condition);
        }
    }

    /** The active staff of an organisation with {@code role}; none when there is no organisation. */
    public static Who organisation(UUID organisationId, String role) {
        if (organisationId == null) {
            return accounts(List.of());
        }
        return new Who(STAFF + " and a.organisationId = :o" + ROLE, STAFF_SQL + " and a.organisation_id = :o" + ROLE_SQL,
                Map.of("o", organisationId, "role", like(role)));
    }

    /** The active staff whose scope is exactly {@code regionCode} with {@code role}. */
    public static Who region(String regionCode, String role) {
        return new Who(STAFF + " and a.regionCode = :r" + ROLE, STAFF_SQL + " and a.region_code = :r" + ROLE_SQL,
                Map.of("r", regionCode, "role", like(role)));
    }

    /** These accounts (an advisor, an assigned lawyer). */
    public static Who accounts(List<UUID> ids) {
        String in = ids.isEmpty() ? NOBODY : "a.id in (:ids)";
        return new Who(in, in, ids.isEmpty() ? Map.of() : Map.of("ids", ids));
    }

    /** The accounts {@code who} chooses, by id. */
    public Uni<List<UUID>> list(Who who) {
        if (who.nobody()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> {
            var q = s.createSelectionQuery("select a.id from Account a where " + who.condition() + " order by a.id",
                    UUID.class);
            who.parameters().forEach(q::setParameter);
            return q.getResultList();
        });
    }

    public Uni<List<UUID>> inOrganisation(UUID organisationId, String role) {
        return list(organisation(organisationId, role));
    }

    public Uni<List<UUID>> inRegion(String regionCode, String role) {
        return list(region(regionCode, role));
    }

    private static String like(String role) {
        return "%," + role + ",%";
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
