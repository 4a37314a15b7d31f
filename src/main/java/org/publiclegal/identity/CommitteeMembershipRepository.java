package org.publiclegal.identity;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class CommitteeMembershipRepository implements PanacheRepositoryBase<CommitteeMembership, UUID> {

    /** All memberships of a mediator, earliest first. */
    public Uni<List<CommitteeMembership>> ofAccount(UUID accountId) {
        return list("accountId = ?1 order by validFrom, id", accountId);
    }

    /** {@code limit + 1} memberships of a mediator after (validFrom, id), earliest first. */
    public Uni<List<CommitteeMembership>> page(UUID accountId, LocalDate afterFrom, UUID afterId, int limit) {
        if (afterFrom == null) {
            return find("accountId = ?1 order by validFrom, id", accountId).range(0, limit).list();
        }
        return find("accountId = ?1 and (validFrom > ?2 or (validFrom = ?2 and id > ?3)) order by validFrom, id",
                accountId, afterFrom, afterId).range(0, limit).list();
    }
}
