package org.publiclegal.reporting.closing;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class SnapshotFigureRepository implements PanacheRepositoryBase<SnapshotFigure, UUID> {

    /** The snapshot of one region under a closure (empty when the region is not the county or a township). */
    public Uni<List<SnapshotFigure>> of(UUID closureId, String regionCode) {
        return list("closureId = ?1 and regionCode = ?2", closureId, regionCode);
    }
}
