package org.publiclegal.mediation;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** 调解会议 of the disputes. */
@ApplicationScoped
@WithSession
public class MediationSessionRepository implements PanacheRepositoryBase<MediationSession, UUID> {

    /** A dispute's sessions in the order they are scheduled. */
    public Uni<List<MediationSession>> of(UUID disputeId) {
        return list("disputeId = ?1 order by scheduledAt", disputeId);
    }
}
