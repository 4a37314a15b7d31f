package org.publiclegal.reporting.closing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.ledger.PeriodLock;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
    /** The (county, day) pairs, by position, that lie in a closed period: one statement for a whole batch. */
    private static final String COVERING_ANY = """
            select t.n from unnest($1::varchar[], $2::date[]) with ordinality as t(county, day, n)
            where exists (select 1 from reporting_closed_period p
                          where p.region_code = t.county and p.status = 'CLOSED'
                            and p.period_from <= t.day and p.period_to >= t.day)""";

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

    @Override
    public Uni<Set<RegionDay>> closedAmong(Collection<RegionDay> days) {
        // the distinct (county, day) pairs asked, each with the region days it answers for
        Map<List<Object>, List<RegionDay>> asked = new LinkedHashMap<>();
        for (RegionDay d : days) {
            String county = ClosedFigures.countyOf(d.regionCode());
            if (county != null) {
                asked.computeIfAbsent(List.of(county, d.day()), k -> new ArrayList<>()).add(d);
            }
        }
        if (asked.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<List<Object>> keys = new ArrayList<>(asked.keySet());
        String[] counties = keys.stream().map(k -> (String) k.get(0)).toArray(String[]::new);
        LocalDate[] dates = keys.stream().map(k -> (LocalDate) k.get(1)).toArray(LocalDate[]::new);
        return pool.preparedQuery(COVERING_ANY).execute(Tuple.of(counties, dates)).map(rows -> {
            Set<RegionDay> closed = new HashSet<>();
            rows.forEach(r -> closed.addAll(asked.get(keys.get((int) (r.getLong(0) - 1)))));
            return closed;
        });
    }
}
