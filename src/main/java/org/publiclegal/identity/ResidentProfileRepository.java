package org.publiclegal.identity;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;

import java.util.UUID;

@ApplicationScoped
@WithSession
public class ResidentProfileRepository implements PanacheRepositoryBase<ResidentProfile, UUID> {

    /** {@code limit + 1} profiles matching an HQL {@code where} clause over alias {@code p}. */
    public Uni<List<ResidentProfile>> page(String where, Map<String, Object> params, int limit) {
        return find("from ResidentProfile p where " + where + " order by p.homeVillageCode, p.accountId", params)
                .range(0, limit).list();
    }
}
