package org.publiclegal.reporting;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.reporting.ReportingScope.RegionRef;

import java.time.Clock;
import java.util.List;

/** Builds the yearly 公共法律服务 section: the year's figures beside the previous year's. */
@ApplicationScoped
public class AnnualReports {

    private final MetricService metrics;
    private final Clock clock;

    public AnnualReports(MetricService metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
    }

    public Uni<AnnualReport> annual(RegionRef region, int year) {
        List<Metric> all = List.of(Metric.values());
        Period period = Period.year(year);
        return Uni.combine().all().unis(metrics.values(region.code(), period, all),
                        metrics.values(region.code(), period.previousYear(), all))
                .asTuple().map(t -> AnnualReport.of(region, year, clock.instant(), t.getItem1(), t.getItem2()));
    }
}
