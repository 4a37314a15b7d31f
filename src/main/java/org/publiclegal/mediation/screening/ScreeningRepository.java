package org.publiclegal.mediation.screening;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class ScreeningRepository implements PanacheRepositoryBase<Screening, UUID> {

    /** {@code limit + 1} rows matching {@code where} ({@code range} is inclusive), newest screening first. */
    public Uni<List<Screening>> page(String where, Map<String, Object> params, int limit) {
        return find("from Screening s where " + where + " order by s.screenedOn desc, s.createdAt desc, s.id desc",
                params).range(0, limit).list();
    }
}
