package org.publiclegal.reporting;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.reporting.ReportingScope.RegionRef;
import org.publiclegal.reporting.closing.ClosedFigures;

import java.time.Clock;
import java.util.List;

/**
 * Builds the yearly 公共法律服务 section: the year's figures beside the previous year's; a closed year (or previous
 * year) shows its snapshot, the report listing the adjustments recorded since.
 */
@ApplicationScoped
public class AnnualReports {

    private final MetricService metrics;
    private final ClosedFigures closed;
    private final Clock clock;

    public AnnualReports(MetricService metrics, ClosedFigures closed, Clock clock) {
        this.metrics = metrics;
        this.closed = closed;
        this.clock = clock;
    }

    public Uni<AnnualReport> annual(RegionRef region, int year) {
        List<Metric> all = List.of(Metric.values());
        Period period = Period.year(year);
        // the closures are read one after the other (one Hibernate session), the live totals in parallel
        return closed.find(region.code(), period).chain(thisYear -> closed.find(region.code(), period.previousYear())
                .chain(lastYear -> Uni.combine().all().unis(metrics.exact(region.code(), period, all),
                                metrics.values(region.code(), period.previousYear(), all))
                        .asTuple().map(t -> AnnualReport.ofExact(region, year, clock.instant(), t.getItem1(),
                                AnnualReport.shown(t.getItem2(), lastYear), thisYear))));
    }
}
