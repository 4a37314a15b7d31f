package org.publiclegal.reporting.api;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.Cancellable;
import org.publiclegal.reporting.AnnualReport;
import org.publiclegal.reporting.Exact;
import org.publiclegal.reporting.Metric;
import org.publiclegal.reporting.closing.Adjustment;
import org.publiclegal.reporting.closing.ClosedFigures;
import org.publiclegal.reporting.MetricService;
import org.publiclegal.reporting.Period;
import org.publiclegal.reporting.ReportingScope;
import org.publiclegal.reporting.ReportingScope.RegionRef;
import org.publiclegal.shared.domain.DomainException;
import org.publiclegal.shared.security.CurrentUser;
import org.publiclegal.shared.security.Roles;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.publiclegal.shared.validation.EnteredDate;
import org.publiclegal.shared.validation.DateBounds;

/** 指标: the catalogue, and any figure for any region and period with the same period a year earlier. */
@Cancellable(false)
@Path("/api/metrics")
@Tag(name = "Reporting", description = "年度报告、指标与驾驶舱")
public class MetricsResource {

    static final String CODE = "\\d{12}";
    static final String CODE_MESSAGE = "行政区划代码应为 12 位数字";
    private static final long MAX_DAYS = 3660;

    private final MetricService metrics;
    private final ClosedFigures closed;
    private final ReportingScope scope;
    private final CurrentUser user;
    private final Clock clock;

    public MetricsResource(MetricService metrics, ClosedFigures closed, ReportingScope scope, CurrentUser user,
                           Clock clock) {
        this.metrics = metrics;
        this.closed = closed;
        this.scope = scope;
        this.user = user;
        this.clock = clock;
    }

    /** A catalogue entry: key, label as printed, unit, how it is obtained and what it counts. */
    public record MetricDefinition(String key, String label, String unit, Metric.Type type, List<String> eventKinds,
                                   String definition) {
        static MetricDefinition of(Metric m) {
            return new MetricDefinition(m.key(), m.label(), m.unit(), m.type(), m.kinds(), m.definition());
        }
    }

    /**
     * A figure for the period, and for the same days a year earlier; {@code printed} is the value as the reports
     * print it and {@code exact} the exact value beside it (fen for 万元, numerator and denominator for a rate). {@code currentValue} is the figure recomputed
     * now: the same as {@code value} unless the period is closed and adjustments moved it.
     */
    public record MetricValue(String key, String label, String unit, BigDecimal value, BigDecimal previousValue,
                              BigDecimal change, BigDecimal currentValue, String printed, Exact exact) {
    }

    /**
     * The figures of a span of days. When the span is exactly a closed year or month of the region's county (and
     * the region is the county or one of its townships), {@code closed} is true, the values are the snapshot taken
     * at closing, and the 调整 recorded since are listed with their effect (the first 100; {@code
     * adjustmentsNextCursor} pages on through {@code GET /api/reports/closed-periods/adjustments}).
     */
    public record MetricValues(RegionRef region, LocalDate from, LocalDate to, LocalDate previousFrom,
                               LocalDate previousTo, List<MetricValue> values, boolean closed,
                               ClosedFigures.Closure closure, boolean hasAdjustments, long adjustmentCount,
                               List<Adjustment> adjustments, String adjustmentsNextCursor) {
    }

    @GET
    @Path("/catalogue")
    @PermitAll
    @Operation(summary = "指标目录：每项指标的代码、报告用语、单位、口径和所依据的台账事件")
    public List<MetricDefinition> catalogue() {
        return Arrays.stream(Metric.values()).map(MetricDefinition::of).toList();
    }

    @GET
    @RolesAllowed({Roles.JUDICIAL_OFFICE, Roles.BUREAU_ADMIN, Roles.SYSTEM_ADMIN})
    @Operation(summary = "任一区域、任一期间的指标值及上年同期值（司法所限本乡镇，司法局限本县）；from/to 为含首尾的日期，默认本年初至今日；keys 以逗号分隔，默认全部")
    public Uni<MetricValues> values(
            @QueryParam("region") @Pattern(regexp = CODE, message = CODE_MESSAGE) String region,
            @EnteredDate(DateBounds.Kind.PLANNED) @QueryParam("from") LocalDate from, @EnteredDate(DateBounds.Kind.PLANNED) @QueryParam("to") LocalDate to,
            @QueryParam("keys") @Size(max = 1000, message = "keys 过长") String keys) {
        LocalDate today = LocalDate.now(clock);
        LocalDate start = from != null ? from : today.withDayOfYear(1);
        LocalDate end = to != null ? to : today;
        if (end.isBefore(start)) {
            throw DomainException.invalidField("to", "结束日期不能早于开始日期");
        }
        if (ChronoUnit.DAYS.between(start, end) > MAX_DAYS || start.getYear() < 2000) {
            throw DomainException.invalidField("from", "查询期间应在 2000 年以后且不超过十年");
        }
        List<Metric> selected = parseKeys(keys);
        Period period = new Period(start, end);
        return scope.resolve(user.scope(), region).chain(r -> closed.find(r.code(), period)
                .chain(thisPeriod -> closed.find(r.code(), period.previousYear()).chain(lastYear ->
                        metrics.exact(r.code(), period, selected).chain(liveExact ->
                                metrics.values(r.code(), period.previousYear(), selected).map(previousLive -> {
                    Map<Metric, BigDecimal> live = MetricService.figures(liveExact);
                    Map<Metric, BigDecimal> current = AnnualReport.shown(live, thisPeriod);
                    Map<Metric, Exact> exact = AnnualReport.shownExact(liveExact, thisPeriod);
                    Map<Metric, BigDecimal> previous = AnnualReport.shown(previousLive, lastYear);
                    List<MetricValue> values = new ArrayList<>();
                    for (Metric m : selected) {
                        BigDecimal v = current.get(m);
                        BigDecimal p = previous.get(m);
                        values.add(new MetricValue(m.key(), m.label(), m.unit(), v, p,
                                v == null || p == null ? null : v.subtract(p), live.get(m), MetricService.print(m, v), exact.get(m)));
                    }
                    Period prev = period.previousYear();
                    return new MetricValues(r, start, end, prev.from(), prev.to(), values, thisPeriod != null,
                            thisPeriod == null ? null : thisPeriod.closure(),
                            thisPeriod != null && thisPeriod.hasAdjustments(),
                            thisPeriod == null ? 0 : thisPeriod.adjustmentCount(),
                            thisPeriod == null ? List.of() : thisPeriod.adjustments(),
                            thisPeriod == null ? null : thisPeriod.adjustmentsNextCursor());
                })))));
    }

    static List<Metric> parseKeys(String keys) {
        if (keys == null || keys.isBlank()) {
            return List.of(Metric.values());
        }
        List<Metric> selected = new ArrayList<>();
        for (String key : keys.split(",")) {
            String k = key.strip();
            if (k.isEmpty()) {
                continue;
            }
            Metric m = Metric.byKey(k).orElseThrow(() -> DomainException.invalidField("keys",
                    "未知的指标代码：" + k + "（可用的见 GET /api/metrics/catalogue）"));
            if (!selected.contains(m)) {
                selected.add(m);
            }
        }
        return selected;
    }
}
