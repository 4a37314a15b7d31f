package org.publiclegal.advisory.booking;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class AvailabilityRuleRepository implements PanacheRepositoryBase<AvailabilityRule, UUID> {

    /** The advisor's rules valid on some day of {@code from..to}. */
    public Uni<List<AvailabilityRule>> validBetween(UUID advisorId, LocalDate from, LocalDate to) {
        return list("advisorId = ?1 and validFrom <= ?2 and (validTo is null or validTo >= ?3) order by dayOfWeek, startsAt",
                advisorId, to, from);
    }
}
