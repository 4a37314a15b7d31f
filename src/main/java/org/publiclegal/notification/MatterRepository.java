package org.publiclegal.notification;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MatterRepository implements PanacheRepositoryBase<Matter, UUID> {

    public Uni<Matter> of(UUID account, UUID subject) {
        return find("accountId = ?1 and subjectId = ?2", account, subject).firstResult();
    }

    /**
     * A page of "my matters": urgent first, then by deadline, keyset on (urgency, sortAt, id) — one range of
     * {@code ntf_matter_page_idx}.
     */
    public Uni<List<Matter>> page(UUID account, Integer afterUrgency, Instant afterSort, UUID afterId, int limit) {
        Parameters p = Parameters.with("a", account);
        String where = "accountId = :a";
        if (afterId != null) {
            where += " and (urgency > :u or (urgency = :u and (sortAt > :s or (sortAt = :s and id > :id))))";
            p = p.and("u", afterUrgency.shortValue()).and("s", afterSort).and("id", afterId);
        }
        return find(where + " order by urgency, sortAt, id", p).page(0, limit + 1).list();
    }
}
