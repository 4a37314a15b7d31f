package org.publiclegal.mediation;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** A dispute's timeline (办理步骤). */
@ApplicationScoped
@WithSession
public class MediationStepRepository implements PanacheRepository<MediationStep> {

    public Uni<List<MediationStep>> timeline(UUID disputeId) {
        return list("disputeId = ?1 order by id", disputeId);
    }
}
