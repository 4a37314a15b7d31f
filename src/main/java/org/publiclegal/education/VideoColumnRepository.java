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
public class VideoColumnRepository implements PanacheRepositoryBase<VideoColumn, UUID> {

    /**
     * Takes the column's next 期: one UPDATE that locks the column row until the transaction ends, so
     * concurrent publications of one column queue here and get consecutive numbers (a rolled-back
     * publication gives its number back).
     */
    public Uni<Integer> nextEpisodeNo(UUID id) {
        return getSession().chain(s -> s.createNativeQuery(
                        "update edu_column set last_episode_no = last_episode_no + 1 where id = :id returning last_episode_no",
                        Integer.class).setParameter("id", id).getSingleResult());
    }

    /** {@code limit + 1} columns ({@code range} is inclusive) matching {@code where}, oldest first. */
    public Uni<List<VideoColumn>> page(String where, Map<String, Object> params, int limit) {
        return find("from VideoColumn c where " + where + " order by c.createdAt, c.id", params).range(0, limit).list();
    }
}
