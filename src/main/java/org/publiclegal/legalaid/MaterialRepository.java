package org.publiclegal.legalaid;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class MaterialRepository implements PanacheRepositoryBase<Material, UUID> {

    public Uni<List<Material>> of(UUID applicationId) {
        return list("applicationId = ?1 order by uploadedAt, id", applicationId);
    }
}
