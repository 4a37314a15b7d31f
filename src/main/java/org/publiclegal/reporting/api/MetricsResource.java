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
import org.publiclegal.reporting.Metric;
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
import org.publiclegal.shared.validation.EnteredDate;
import org.publiclegal.shared.validation.DateBounds;

/** 指标: the catalogue, and any figure for any region and period with the same period a year earlier. */
@Path("/api/metrics")
@Tag(name = "Reporting", description = "年度报告、指标与驾驶舱")
public class MetricsResource {

    static final String CODE = "\\d{12}";
    static final String CODE_MESSAGE = "行政区划代码应为 12 位数字";
    private static final long MAX_DAYS = 3660;

    private final MetricService metrics;
    private final ReportingScope scope;
    private final CurrentUser user;
    private final Clock clock;

    public MetricsResource(MetricService metrics, ReportingScope scope, CurrentUser user, Clock clock) {
        this.metrics = metrics;
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

    /** A figure for the period, and for the same days a year earlier. */
    public record MetricValue(String key, String label, String unit, BigDecimal value, BigDecimal previousValue,
                              BigDecimal change) {
    }

    public record MetricValues(RegionRef region, LocalDate from, LocalDate to, LocalDate previousFrom,
                               LocalDate previousTo, List<MetricValue> values) {
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
        return scope.resolve(user.scope(), region).chain(r -> metrics.values(r.code(), period, selected)
                .chain(current -> metrics.values(r.code(), period.previousYear(), selected).map(previous -> {
                    List<MetricValue> values = new ArrayList<>();
                    for (Metric m : selected) {
                        BigDecimal v = current.get(m);
                        BigDecimal p = previous.get(m);
                        values.add(new MetricValue(m.key(), m.label(), m.unit(), v, p,
                                v == null || p == null ? null : v.subtract(p)));
                    }
                    Period prev = period.previousYear();
                    return new MetricValues(r, start, end, prev.from(), prev.to(), values);
                })));
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
