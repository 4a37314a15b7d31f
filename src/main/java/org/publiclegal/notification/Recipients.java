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

    public Uni<List<UUID>> inOrganisation(UUID organisationId, String role) {
        if (organisationId == null) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select id from account where kind = 'STAFF' and active and organisation_id = :o
                        and (',' || roles || ',') like :role order by id""", UUID.class)
                .setParameter("o", organisationId).setParameter("role", "%," + role + ",%").getResultList());
    }

    public Uni<List<UUID>> inRegion(String regionCode, String role) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select id from account where kind = 'STAFF' and active and region_code = :r
                        and (',' || roles || ',') like :role order by id""", UUID.class)
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
