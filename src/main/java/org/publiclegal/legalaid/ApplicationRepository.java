package org.publiclegal.legalaid;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class ApplicationRepository implements PanacheRepositoryBase<LegalAidApplication, UUID> {

    /** {@code limit + 1} rows for an HQL {@code where} over alias {@code a} and an {@code order by}. */
    public Uni<List<LegalAidApplication>> page(String where, Map<String, Object> params, String orderBy, int limit) {
        return find("from LegalAidApplication a where " + where + " order by " + orderBy, params)
                .range(0, limit).list();
    }

    /** Applications still waiting for missing materials after the notice's deadline. */
    public Uni<List<LegalAidApplication>> materialsOverdue(Instant now, int limit) {
        return find("status = ?1 and materialsDueAt < ?2 order by materialsDueAt", ApplicationStatus.MATERIALS_REQUESTED,
                now).range(0, limit - 1).list();
    }

    /**
     * {@code n} new application numbers in one statement (bulk entry: an import's batch), ascending. Native: the
     * plan-cache entry (see {@link #nextNumber}) is paid once per batch, not once per application.
     */
    public Uni<List<Long>> nextNumbers(int n) {
        return getSession().chain(s -> s.createNativeQuery(
                        "select nextval('aid_application_number_seq') from generate_series(1, :n)", Long.class)
                .setParameter("n", n).getResultList()).map(list -> list.stream().sorted().toList());
    }

    public Uni<Long> nextNumber() {
        // HQL, not a native query: Hibernate 7.2 (reactive) caches a native select's plan under a key that never
        // equals the next call's, with or without a result class, so every submission added an entry to one hash
        // bin of the plan cache (issue 17; QueryPlanCacheTest counts the hits). HQL's plan is found by its text.
        return getSession().chain(s -> s.createSelectionQuery(
                "select cast(function('nextval', 'aid_application_number_seq') as Long)", Long.class).getSingleResult());
    }
}
