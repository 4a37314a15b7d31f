package org.publiclegal.education;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class EpisodeStepRepository implements PanacheRepository<EpisodeStep> {

    public Uni<List<EpisodeStep>> of(UUID episodeId) {
        return find("episodeId = ?1 order by id", episodeId).list();
    }
}
