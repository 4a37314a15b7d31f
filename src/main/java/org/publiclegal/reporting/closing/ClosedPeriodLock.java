package org.publiclegal.reporting.closing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.ledger.PeriodLock;

import java.time.LocalDate;

/**
 * Tells the ledger whether a day of a region lies in a period its county has closed. Reads through the pool, not
 * the caller's Hibernate session: a query there would flush the session before every ledger event, which costs
 * O(n²) when one transaction writes thousands of events. A closure is visible once committed.
 */
@ApplicationScoped
public class ClosedPeriodLock implements PeriodLock {

    private static final String COVERING = """
            select exists (select 1 from reporting_closed_period
                           where region_code = $1 and status = 'CLOSED' and period_from <= $2 and period_to >= $2)""";

    private final Pool pool;

    public ClosedPeriodLock(Pool pool) {
        this.pool = pool;
    }

    @Override
    public Uni<Boolean> isClosed(String regionCode, LocalDate day) {
        String county = ClosedFigures.countyOf(regionCode);
        return county == null ? Uni.createFrom().item(false)
                : pool.preparedQuery(COVERING).execute(Tuple.of(county, day)).map(rows -> rows.iterator().next().getBoolean(0));
    }
}
