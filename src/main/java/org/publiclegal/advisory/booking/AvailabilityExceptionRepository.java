package org.publiclegal.advisory.booking;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class AvailabilityExceptionRepository implements PanacheRepositoryBase<AvailabilityException, UUID> {

    /** The advisor's exceptions overlapping {@code [from, to)}. */
    public Uni<List<AvailabilityException>> overlapping(UUID advisorId, Instant from, Instant to) {
        return list("advisorId = ?1 and endsAt > ?2 and startsAt < ?3 order by startsAt", advisorId, from, to);
    }
}
