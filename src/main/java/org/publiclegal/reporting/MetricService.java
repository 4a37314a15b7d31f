package org.publiclegal.reporting;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.reporting.LedgerTotals.Sum;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Computes catalogue figures ({@link Metric}) for a region and a period from the ledger totals and the tables. */
@ApplicationScoped
public class MetricService {

    /** No ledger event can be older: running totals (coverage) start here. */
    static final LocalDate LEDGER_EPOCH = LocalDate.of(2000, 1, 1);
    private static final BigDecimal FEN_PER_WAN_YUAN = BigDecimal.valueOf(1_000_000);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final LedgerTotals totals;

    public MetricService(LedgerTotals totals) {
        this.totals = totals;
    }

    /** The table-based figures of a region at the end of a period. */
    record Standing(long committees, long mediators, long villages, long coveredTotal, long viewers) {

        /**
         * Villages covered at the end of the period: the running total of the coverage kinds over the villages on
         * the register that day ({@link LedgerTotals#covered}), never below 0.
         */
        long covered() {
            return Math.max(0, coveredTotal);
        }
    }

    /** Each metric's value (null where it has none, e.g. a rate with nothing to divide by), in the given order. */
    public Uni<Map<Metric, BigDecimal>> values(String region, Period period, List<Metric> metrics) {
        return exact(region, period, metrics).map(MetricService::figures);
    }

    /** Each metric's exact value (count, fen, numerator and denominator), in the given order. */
    public Uni<Map<Metric, Exact>> exact(String region, Period period, List<Metric> metrics) {
        List<String> kinds = flowKinds(metrics);
        return Uni.combine().all().unis(totals.totals(region, kinds, period.from(), period.to()),
                        standing(region, period, metrics))
                .asTuple().map(t -> {
                    Map<Metric, Exact> values = new LinkedHashMap<>();
                    for (Metric m : metrics) {
                        values.put(m, exact(m, t.getItem1(), t.getItem2()));
                    }
                    return values;
                });
    }

    /** The figures computed from exact values (same order). */
    public static Map<Metric, BigDecimal> figures(Map<Metric, Exact> exact) {
        Map<Metric, BigDecimal> values = new LinkedHashMap<>();
        exact.forEach((m, e) -> values.put(m, e == null ? null : e.figure(m)));
        return values;
    }

    /** The kinds totalled over the period (coverage kinds are running totals, fetched separately). */
    static List<String> flowKinds(List<Metric> metrics) {
        return metrics.stream().filter(m -> m.type() != Metric.Type.COVERAGE)
                .flatMap(m -> m.kinds().stream()).distinct().toList();
    }

    Uni<Standing> standing(String region, Period period, List<Metric> metrics) {
        boolean committees = metrics.contains(Metric.MEDIATION_COMMITTEES);
        boolean mediators = metrics.contains(Metric.MEDIATION_MEDIATORS);
        List<String> coverageKinds = metrics.stream().filter(m -> m.type() == Metric.Type.COVERAGE)
                .flatMap(m -> m.kinds().stream()).distinct().toList();
        Uni<Long> c = committees ? totals.committees(region, period.to()) : Uni.createFrom().item(0L);
        Uni<Long> m = mediators ? totals.mediators(region, period.to()) : Uni.createFrom().item(0L);
        boolean villages = !coverageKinds.isEmpty() || metrics.contains(Metric.ADVISORY_VILLAGES);
        Uni<Long> v = villages ? totals.villages(region, period.to()) : Uni.createFrom().item(0L);
        Uni<Long> viewers = metrics.stream().anyMatch(x -> x.type() == Metric.Type.DEVICES)
                ? totals.viewers(region, period.from(), period.to()) : Uni.createFrom().item(0L);
        Uni<Long> running = coverageKinds.isEmpty() ? Uni.createFrom().item(0L)
                : totals.covered(region, coverageKinds, period.to());
        return Uni.combine().all().unis(c, m, v, running, viewers).asTuple()
                .map(t -> new Standing(t.getItem1(), t.getItem2(), t.getItem3(), t.getItem4(), t.getItem5()));
    }

    static BigDecimal value(Metric m, Map<String, Sum> sums, Standing standing) {
        return exact(m, sums, standing).figure(m);
    }

    static Exact exact(Metric m, Map<String, Sum> sums, Standing standing) {
        return switch (m.type()) {
            case COUNT -> Exact.count(m, quantity(sums, m.kinds()));
            case AMOUNT -> Exact.amountFen(m.kinds().stream().mapToLong(k -> sums.getOrDefault(k, Sum.ZERO).amountFen()).sum());
            case RATE -> Exact.rate(quantity(sums, m.kinds().subList(0, 1)), quantity(sums, m.kinds()));
            case RATIO -> Exact.rate(quantity(sums, m.kinds().subList(0, 1)), quantity(sums, m.kinds().subList(1, 2)));
            case DEVICES -> Exact.count(m, standing.viewers());
            case ORGANISATIONS -> Exact.count(m, standing.committees());
            case STAFF -> Exact.count(m, standing.mediators());
            case VILLAGES -> Exact.count(m, standing.villages());
            case COVERAGE -> Exact.rate(standing.covered(), standing.villages());
        };
    }

    private static long quantity(Map<String, Sum> sums, List<String> kinds) {
        return kinds.stream().mapToLong(k -> sums.getOrDefault(k, Sum.ZERO).quantity()).sum();
    }

    /** numerator ÷ denominator × 100, half up to one decimal; null when the denominator is 0. */
    public static BigDecimal rate(long numerator, long denominator) {
        if (denominator == 0) {
            return null;
        }
        return BigDecimal.valueOf(numerator).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(denominator), 1, RoundingMode.HALF_UP);
    }

    /** Fen in 万元, half up to four decimals, trailing zeros dropped (1920.605). */
    public static BigDecimal wanYuan(long fen) {
        return plain(BigDecimal.valueOf(fen).divide(FEN_PER_WAN_YUAN, 4, RoundingMode.HALF_UP));
    }

    /**
     * Trailing zeros dropped without going to an exponent: 10.0 is 10 (not 1E+1, which JSON would carry as a
     * float), 1920.6050 is 1920.605.
     */
    public static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal v = value.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    /**
     * A figure's value as every report prints it: a rate (unit %) always with one decimal (80.0, 98.2, 100.0),
     * anything else as {@link #print(BigDecimal)}.
     */
    public static String print(Metric metric, BigDecimal value) {
        return isRate(metric) ? printRate(value) : print(value);
    }

    /** Whether a figure is printed as a rate (percentage, one decimal). */
    public static boolean isRate(Metric metric) {
        return "%".equals(metric.unit());
    }

    /** A rate (or a change of a rate, in percentage points) with exactly one decimal, half up. */
    public static String printRate(BigDecimal value) {
        return value == null ? "—" : value.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }

    /** A count or an amount as the reports print it: plain digits, trailing zeros dropped (1920.605, 100). */
    public static String print(BigDecimal value) {
        if (value == null) {
            return "—";
        }
        return plain(value).toPlainString();
    }
}
