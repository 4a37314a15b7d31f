package org.publiclegal.advisory;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class ContractRepository implements PanacheRepositoryBase<AdvisoryContract, UUID> {

    /**
     * {@code limit + 1} contracts {@code c} matching {@code where}, latest start first. A method returning a
     * {@link Uni}, so that {@link WithSession} opens the session (a bare {@code find(...).list()} in a service
     * called from a resource had none: 500).
     */
    public Uni<List<AdvisoryContract>> page(String where, Map<String, Object> params, int limit) {
        return find("from AdvisoryContract c where " + where + " order by c.startsOn desc, c.id desc", params)
                .range(0, limit).list();
    }
}
