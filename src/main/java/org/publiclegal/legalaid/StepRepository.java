package org.publiclegal.legalaid;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class StepRepository implements PanacheRepository<ApplicationStep> {

    public Uni<List<ApplicationStep>> timeline(UUID applicationId) {
        return list("applicationId = ?1 order by id", applicationId);
    }
}
