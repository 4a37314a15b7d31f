package org.publiclegal.legalaid.consultation;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class ConsultationRepository implements PanacheRepositoryBase<Consultation, UUID> {

    public Uni<List<Consultation>> page(String where, Map<String, Object> params, int limit) {
        return find("from Consultation c where " + where + " order by c.consultedAt desc, c.id desc", params)
                .range(0, limit).list();
    }
}
