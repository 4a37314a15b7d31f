package org.publiclegal.education;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class EpisodeRepository implements PanacheRepositoryBase<Episode, UUID> {

    /** {@code limit + 1} episodes ({@code range} is inclusive) matching {@code where}, last changed first (the staff queue). */
    public Uni<List<Episode>> page(String where, Map<String, Object> params, int limit) {
        return find("from Episode e where " + where + " order by e.updatedAt desc, e.id desc", params)
                .range(0, limit).list();
    }

    /** Bumps the catalogue version (the feed's ETag) in the current transaction. */
    public Uni<Integer> bumpCatalogueVersion() {
        return getSession().chain(s -> s.createNativeQuery(
                "update edu_catalogue_version set version = version + 1 where id").executeUpdate());
    }
}
