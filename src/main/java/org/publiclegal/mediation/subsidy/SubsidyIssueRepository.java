package org.publiclegal.mediation.subsidy;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/** Issued monthly statements, by committee and month (the unique index on both serves every query here). */
@ApplicationScoped
@WithSession
public class SubsidyIssueRepository implements PanacheRepositoryBase<SubsidyIssue, UUID> {

    /** The issued statement of the month, or null. */
    public Uni<SubsidyIssue> of(UUID committeeId, YearMonth month) {
        return find("committeeId = ?1 and month = ?2", committeeId, month.atDay(1)).firstResult();
    }

    /** The committee's issued statements of {@code [from, to)}, oldest first. */
    public Uni<List<SubsidyIssue>> between(UUID committeeId, YearMonth from, YearMonth to) {
        return list("committeeId = ?1 and month >= ?2 and month < ?3 order by month", committeeId, from.atDay(1),
                to.atDay(1));
    }
}
