package org.publiclegal.mediation;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/** A dispute's case messages (案件留言). */
@ApplicationScoped
@WithSession
public class MessageRepository implements PanacheRepository<Message> {

    /** {@code limit + 1} messages after {@code afterId}, oldest first. */
    public Uni<List<Message>> page(UUID disputeId, long afterId, int limit) {
        return find("disputeId = ?1 and id > ?2 order by id", disputeId, afterId).range(0, limit).list();
    }
}
