package org.publiclegal.reporting.closing;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.reporting.Period;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
@WithSession
public class ClosedPeriodRepository implements PanacheRepositoryBase<ClosedPeriod, UUID> {

    /** The closure in force for a county and exactly this period, or null. */
    public Uni<ClosedPeriod> inForce(String county, Period period) {
        return find("regionCode = ?1 and periodFrom = ?2 and periodTo = ?3 and status = ?4", county, period.from(),
                period.to(), ClosedPeriod.Status.CLOSED).firstResult();
    }

    /** {@code limit + 1} closures of the counties matching {@code where} ({@code range} is inclusive), newest first. */
    public Uni<List<ClosedPeriod>> page(String where, Map<String, Object> params, int limit) {
        return find("from ClosedPeriod c where " + where + " order by c.closedAt desc, c.id desc", params)
                .range(0, limit).list();
    }
}
