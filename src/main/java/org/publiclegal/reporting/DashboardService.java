package org.publiclegal.reporting;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.advisory.AdvisoryQueries;
import org.publiclegal.education.VideoFigures;
import org.publiclegal.legalaid.ApplicationStatus;
import org.publiclegal.mediation.MediationStatus;
import org.publiclegal.reporting.LedgerTotals.Sum;
import org.publiclegal.reporting.ReportingScope.RegionRef;
import org.publiclegal.reporting.closing.ClosedFigures;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.domain.TimeSource;
import org.publiclegal.shared.http.NotInETag;
import org.publiclegal.shared.openapi.NullableItems;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The live picture for a 司法所 or 司法局: figures for today, this month and this year, the year month by month,
 * open and overdue legal-aid and mediation cases with their deadlines, the workloads of mediators and
 * legal-aid lawyers, village advisor coverage with the uncovered villages, the advisors behind their monthly
 * service commitment, and the year's top 普法 video topics and episodes.
 */
@ApplicationScoped
public class DashboardService {

    /** The figures a dashboard shows per period (the organisation counts and coverage are shown once). */
    static final List<Metric> FLOW = List.of(Metric.LEGAL_AID_APPLICATIONS, Metric.LEGAL_AID_CASES,
            Metric.LEGAL_AID_DUTY_LAWYER_HELP,            Metric.LEGAL_AID_CONSULTATIONS, Metric.LEGAL_AID_LOSSES_RECOVERED, Metric.MEDIATION_RECEIVED,
            Metric.MEDIATION_SCREENINGS, Metric.MEDIATION_CONCLUDED, Metric.MEDIATION_SUCCEEDED,
            Metric.MEDIATION_SUCCESS_RATE, Metric.MEDIATION_COURT_REFERRALS, Metric.MEDIATION_COURT_ENTRUSTMENTS,
            Metric.MEDIATION_JUDICIAL_CONFIRMATIONS,
            Metric.ADVISORY_LEGAL_REVIEWS, Metric.EDUCATION_LECTURES, Metric.EDUCATION_VIDEOS,
            Metric.EDUCATION_PARTICIPANTS, Metric.EDUCATION_VIDEO_PLAYS, Metric.EDUCATION_VIDEO_COMPLETION_RATE);
    private static final int VIDEOS_SHOWN = 5;
    private static final int CASES_SHOWN = 20;
    private static final int WORKLOADS_SHOWN = 30;
    private static final int UNCOVERED_SHOWN = 100;

    /** A figure: its value, as printed, and the exact value beside it (fen for 万元, numerator/denominator for a rate). */
    public record Figure(String key, String label, String unit, BigDecimal value, String printed, Exact exact) {
        static Figure of(Metric m, Exact exact) {
            BigDecimal value = exact.figure(m);
            return new Figure(m.key(), m.label(), m.unit(), value, MetricService.print(m, value), exact);
        }
    }

    public record PeriodFigures(String period, LocalDate from, LocalDate to, List<Figure> figures) {
    }

    /**
     * A figure month by month, with each month's exact value (null for a month closed before exact values were kept),
     * and the same figure for each of the twelve months of the year before ({@code previous}, January first), for the
     * comparison with last year.
     */
    public record Series(String key, String label, String unit, @NullableItems List<BigDecimal> values,
                         @NullableItems List<Exact> exact, @NullableItems List<BigDecimal> previous) {
    }

    /**
     * The year month by month ({@code months}: January to this month) beside the year before ({@code previousMonths}:
     * its twelve months). A month its county has closed shows the snapshot taken at closing ({@code closed});
     * {@code adjusted} lists the closed months that received 调整 since (see {@code /api/metrics} for that month).
     */
    public record Monthly(List<String> months, List<String> previousMonths, List<Series> series, List<String> closed,
                          List<String> adjusted) {
    }

    public record OpenCase(UUID id, String reference, String status, String regionCode, String regionName,
                           Instant dueAt, boolean overdue) {
    }

    public record OpenCases(long open, long overdue, List<OpenCase> cases) {
    }

    public record Workload(UUID accountId, String name, String role, String organisation, long openCases) {
    }

    /** Villages covered at the end of today (ledger), the rate, and the villages without a contract in force today. */
    public record Coverage(long villages, long covered, BigDecimal rate, List<AdvisoryQueries.Village> uncovered) {
    }

    public record Standing(long committees, long mediators) {
    }

    public record Dashboard(RegionRef region, @NotInETag Instant asOf, LocalDate today, List<PeriodFigures> periods,
                            Monthly monthly, Standing standing, OpenCases legalAid, OpenCases mediation,
                            List<Workload> workloads, Coverage advisorCoverage,
                            List<AdvisoryQueries.Commitment> advisorsBehind, VideoFigures.Highlights videos) {
    }

    private final Pool pool;
    private final LedgerTotals totals;
    private final MetricService metrics;
    private final AdvisoryQueries advisory;
    private final VideoFigures videos;
    private final ClosedFigures closedFigures;
    private final Clock clock;

    public DashboardService(Pool pool, LedgerTotals totals, MetricService metrics, AdvisoryQueries advisory,
                            VideoFigures videos, ClosedFigures closedFigures, Clock clock) {
        this.pool = pool;
        this.closedFigures = closedFigures;
        this.advisory = advisory;
        this.totals = totals;
        this.metrics = metrics;
        this.videos = videos;
        this.clock = clock;
    }

    public Uni<Dashboard> dashboard(RegionRef region) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, TimeSource.CHINA);
        Period year = new Period(today.withDayOfYear(1), today);
        List<Metric> standingMetrics = List.of(Metric.MEDIATION_COMMITTEES, Metric.MEDIATION_MEDIATORS,
                Metric.ADVISORY_SIGNING_RATE);
        LocalDate lastYear = year.from().minusYears(1);
        return closedMonths(region.code(), today).chain(closed -> Uni.combine().all().unis(
                        totals.daily(region.code(), MetricService.flowKinds(FLOW), lastYear, year.to()),
                        metrics.standing(region.code(), new Period(today, today), standingMetrics),
                        openCases(region.code(), now, true),
                        openCases(region.code(), now, false),
                        workloads(region.code()),
                        advisory.coverage(region.code(), today, UNCOVERED_SHOWN),
                        advisory.commitments(region.code(), YearMonth.from(today)),
                        videos.highlights(region.code(), year.from(), year.to(), VIDEOS_SHOWN))
                .asTuple().map(t -> {
                    Map<LocalDate, Map<String, Sum>> daily = t.getItem1();
                    MetricService.Standing standing = t.getItem2();
                    List<PeriodFigures> periods = List.of(
                            figures("TODAY", new Period(today, today), daily),
                            figures("MONTH", new Period(today.withDayOfMonth(1), today), daily),
                            figures("YEAR", year, daily));
                    return new Dashboard(region, now, today, periods, monthly(today, daily, closed),
                            new Standing(standing.committees(), standing.mediators()), t.getItem3(), t.getItem4(),
                            t.getItem5(), new Coverage(standing.villages(), standing.covered(),
                            MetricService.value(Metric.ADVISORY_SIGNING_RATE, Map.of(), standing),
                            t.getItem6().uncovered()),
                            t.getItem7().stream().filter(AdvisoryQueries.Commitment::behind).toList(), t.getItem8());
                }));
    }

    /**
     * The closed figures of last year's months and this year's finished months, read one after the other (one
     * Hibernate session).
     */
    private Uni<Map<YearMonth, ClosedFigures.Closed>> closedMonths(String region, LocalDate today) {
        Map<YearMonth, ClosedFigures.Closed> closed = new HashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (YearMonth ym = YearMonth.of(today.getYear() - 1, 1); ym.isBefore(YearMonth.from(today)); ym = ym.plusMonths(1)) {
            YearMonth month = ym;
            chain = chain.chain(() -> closedFigures.find(region, new Period(month.atDay(1), month.atEndOfMonth()))
                    .invoke(c -> {
                        if (c != null) {
                            closed.put(month, c);
                        }
                    }).replaceWithVoid());
        }
        return chain.replaceWith(closed);
    }

    private static PeriodFigures figures(String name, Period p, Map<LocalDate, Map<String, Sum>> daily) {
        Map<String, Sum> sums = sum(daily, p);
        List<Figure> figures = FLOW.stream().map(m -> Figure.of(m, MetricService.exact(m, sums, null))).toList();
        return new PeriodFigures(name, p.from(), p.to(), figures);
    }

    static Monthly monthly(LocalDate today, Map<LocalDate, Map<String, Sum>> daily,
                           Map<YearMonth, ClosedFigures.Closed> closed) {
        List<YearMonth> months = new ArrayList<>();
        List<Map<String, Sum>> sums = new ArrayList<>();
        for (int m = 1; m <= today.getMonthValue(); m++) {
            YearMonth ym = YearMonth.of(today.getYear(), m);
            months.add(ym);
            sums.add(sum(daily, new Period(ym.atDay(1), ym.atEndOfMonth())));
        }
        List<YearMonth> previousMonths = new ArrayList<>();
        List<Map<String, Sum>> previousSums = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            YearMonth ym = YearMonth.of(today.getYear() - 1, m);
            previousMonths.add(ym);
            previousSums.add(sum(daily, new Period(ym.atDay(1), ym.atEndOfMonth())));
        }
        List<Series> series = new ArrayList<>();
        for (Metric metric : FLOW) {
            List<BigDecimal> values = new ArrayList<>();
            List<Exact> exact = new ArrayList<>();
            for (int i = 0; i < months.size(); i++) {
                ClosedFigures.Closed c = closed.get(months.get(i));
                Exact live = MetricService.exact(metric, sums.get(i), null);
                if (c != null && c.snapshot().containsKey(metric)) {
                    values.add(c.snapshot().get(metric));
                    exact.add(c.exactSnapshot().get(metric));
                } else {
                    values.add(live.figure(metric));
                    exact.add(live);
                }
            }
            List<BigDecimal> previous = new ArrayList<>();
            for (int i = 0; i < previousMonths.size(); i++) {
                ClosedFigures.Closed c = closed.get(previousMonths.get(i));
                previous.add(c != null && c.snapshot().containsKey(metric) ? c.snapshot().get(metric)
                        : MetricService.exact(metric, previousSums.get(i), null).figure(metric));
            }
            series.add(new Series(metric.key(), metric.label(), metric.unit(), values, exact, previous));
        }
        return new Monthly(months.stream().map(YearMonth::toString).toList(),
                previousMonths.stream().map(YearMonth::toString).toList(), series,
                months.stream().filter(closed::containsKey).map(YearMonth::toString).toList(),
                months.stream().filter(m -> closed.containsKey(m) && closed.get(m).hasAdjustments())
                        .map(YearMonth::toString).toList());
    }

    private static Map<String, Sum> sum(Map<LocalDate, Map<String, Sum>> daily, Period p) {
        Map<String, Sum> sums = new HashMap<>();
        daily.forEach((day, kinds) -> {
            if (!day.isBefore(p.from()) && !day.isAfter(p.to())) {
                kinds.forEach((k, s) -> sums.merge(k, s, Sum::plus));
            }
        });
        return sums;
    }

    /** Open cases of the region: counts, and the most urgent ones (earliest deadline first, undated last). */
    private Uni<OpenCases> openCases(String region, Instant now, boolean legalAid) {
        String table = legalAid ? "aid_application" : "med_dispute";
        String[] open = legalAid ? ApplicationStatus.OPEN.stream().map(Enum::name).toArray(String[]::new)
                : MediationStatus.OPEN.stream().map(Enum::name).toArray(String[]::new);
        Tuple params = Tuple.tuple().addString(RegionCodes.lowerBound(region)).addString(RegionCodes.upperBound(region))
                .addArrayOfString(open).addOffsetDateTime(now.atOffset(ZoneOffset.UTC));
        String where = " where region_code >= $1 and region_code < $2 and status = any($3) ";
        String sql = "select (select count(*) from " + table + where + ") as open, "
                + "(select count(*) from " + table + where + " and current_due_at < $4) as overdue";
        String list = "select x.id, x.reference, x.status, x.region_code, r.name as region_name, x.current_due_at from "
                + "(select id, reference, status, region_code, current_due_at from " + table + where
                + " order by current_due_at nulls last, id limit $4) x left join region r on r.code = x.region_code"
                + " order by x.current_due_at nulls last, x.id";
        Tuple listParams = Tuple.tuple().addString(RegionCodes.lowerBound(region))
                .addString(RegionCodes.upperBound(region)).addArrayOfString(open).addInteger(CASES_SHOWN);
        return pool.preparedQuery(sql).execute(params).chain(counts -> pool.preparedQuery(list).execute(listParams)
                .map(rows -> {
                    Row c = counts.iterator().next();
                    List<OpenCase> cases = new ArrayList<>();
                    for (Row r : rows) {
                        Instant due = r.getOffsetDateTime("current_due_at") == null ? null
                                : r.getOffsetDateTime("current_due_at").toInstant();
                        cases.add(new OpenCase(r.getUUID("id"), r.getString("reference"), r.getString("status"),
                                r.getString("region_code"), r.getString("region_name"), due,
                                due != null && due.isBefore(now)));
                    }
                    return new OpenCases(c.getLong("open"), c.getLong("overdue"), cases);
                }));
    }

    /** Open cases per mediator (cases assigned to them) and per legal-aid lawyer, busiest first. */
    private Uni<List<Workload>> workloads(String region) {
        String[] mediationOpen = MediationStatus.OPEN.stream().map(Enum::name).toArray(String[]::new);
        Tuple params = Tuple.tuple().addString(RegionCodes.lowerBound(region)).addString(RegionCodes.upperBound(region))
                .addArrayOfString(mediationOpen).addInteger(WORKLOADS_SHOWN);
        return pool.preparedQuery("""
                        select * from (
                            select a.id, a.display_name, 'MEDIATOR' as role, o.name as organisation, count(*) as open_cases
                            from med_assignment m join med_dispute d on d.id = m.dispute_id
                            join account a on a.id = m.mediator_id join organisation o on o.id = a.organisation_id
                            where d.region_code >= $1 and d.region_code < $2 and d.status = any($3)
                            group by a.id, a.display_name, o.name
                            union all
                            select a.id, a.display_name, 'LAWYER', o.name, count(*)
                            from aid_application x join account a on a.id = x.lawyer_id
                            join organisation o on o.id = a.organisation_id
                            where x.region_code >= $1 and x.region_code < $2 and x.status in ('ASSIGNED', 'IN_PROGRESS')
                            group by a.id, a.display_name, o.name) w
                        order by open_cases desc, display_name, id limit $4""").execute(params)
                .map(rows -> {
                    List<Workload> list = new ArrayList<>();
                    rows.forEach(r -> list.add(new Workload(r.getUUID("id"), r.getString("display_name"),
                            r.getString("role"), r.getString("organisation"), r.getLong("open_cases"))));
                    return list;
                });
    }
}
