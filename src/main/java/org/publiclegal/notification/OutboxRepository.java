package org.publiclegal.notification;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxMessage> {

    /** Dead letters, newest first (keyset on id over {@code ntf_outbox_dead_idx}). */
    public Uni<List<OutboxMessage>> dead(Long beforeId, int limit) {
        return (beforeId == null ? find("status = ?1 order by id desc", OutboxMessage.Status.DEAD)
                : find("status = ?1 and id < ?2 order by id desc", OutboxMessage.Status.DEAD, beforeId))
                .page(0, limit + 1).list();
    }
}
