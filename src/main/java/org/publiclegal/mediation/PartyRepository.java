package org.publiclegal.mediation;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** 当事人 of the disputes. */
@ApplicationScoped
@WithSession
public class PartyRepository implements PanacheRepositoryBase<Party, UUID> {

    public Uni<List<Party>> of(UUID disputeId) {
        return list("disputeId = ?1 order by position", disputeId);
    }

    public Uni<Party> byInvitation(byte[] hash) {
        return find("invitationHash", hash).firstResult();
    }
}
