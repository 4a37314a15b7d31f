package org.publiclegal.reporting.closing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.reporting.DrillDown;
import org.publiclegal.reporting.Exact;
import org.publiclegal.reporting.Metric;
import org.publiclegal.reporting.Period;
import org.publiclegal.shared.domain.RegionCodes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the reports show for a closed period: the snapshot taken at closing and the 调整 recorded since. Read by
 * the annual report (and its exports) and by {@code /api/metrics} when the asked span is exactly a closed period.
 */
@ApplicationScoped
public class ClosedFigures {

    /** The adjustments listed in one response (the count says how many there are in all). */
    public static final int ADJUSTMENTS_SHOWN = 100;

    private static final String[] CATALOGUE_KINDS = Arrays.stream(Metric.values())
            .flatMap(m -> m.kinds().stream()).distinct().toArray(String[]::new);

    private static final String ADJUSTMENTS = """
            select id, kind, occurred_at, recorded_at, region_code, quantity, amount_fen, corrects_id, source_type,
                   source_id, adjustment_reason, count(*) over () as total
            from ledger_event
            where recorded_at >= $1 and region_code >= $2 and region_code < $3
              and occurred_at >= $4 and occurred_at < $5 and kind = any($6)
            order by recorded_at, id
            limit $7""";

    /** Who closed the period and when. */
    public record Closure(UUID id, String countyCode, LocalDate from, LocalDate to, Instant closedAt, UUID closedBy) {
        static Closure of(ClosedPeriod c) {
            return new Closure(c.id, c.regionCode, c.periodFrom, c.periodTo, c.closedAt, c.closedBy);
        }
    }

    /**
     * A closed period's figures for one region: the printed values and, beside them, the exact ones ({@code
     * exactSnapshot}; a figure is missing there when its snapshot was taken before exact values were kept).
     */
    public record Closed(Closure closure, Map<Metric, BigDecimal> snapshot, List<Adjustment> adjustments,
                         long adjustmentCount, Map<Metric, Exact> exactSnapshot) {
        public boolean hasAdjustments() {
            return adjustmentCount > 0;
        }
    }

    private final ClosedPeriodRepository closures;
    private final SnapshotFigureRepository figures;
    private final Pool pool;

    public ClosedFigures(ClosedPeriodRepository closures, SnapshotFigureRepository figures, Pool pool) {
        this.closures = closures;
        this.figures = figures;
        this.pool = pool;
    }

    /** The county a region lies in, or null for a city or province (closures are per county). */
    public static String countyOf(String region) {
        if (RegionCodes.levelOf(region).digits() < RegionCodes.Level.COUNTY.digits()) {
            return null;
        }
        return region.substring(0, 6) + "000000";
    }

    /**
     * The closed figures of {@code region} (the county or one of its townships) for exactly {@code period}, or null
     * when the period is not closed or no snapshot was taken for the region (a village: its figures stay live).
     */
    public Uni<Closed> find(String region, Period period) {
        String county = countyOf(region);
        if (county == null) {
            return Uni.createFrom().nullItem();
        }
        return closures.inForce(county, period).chain(c -> c == null ? Uni.createFrom().nullItem()
                : figures.of(c.id, region).chain(rows -> rows.isEmpty() ? Uni.createFrom().nullItem()
                : adjustments(region, period, c.closedAt).map(a -> new Closed(Closure.of(c), snapshot(rows),
                a.items(), a.total(), exactSnapshot(rows)))));
    }

    private record Page(List<Adjustment> items, long total) {
    }

    private static Map<Metric, BigDecimal> snapshot(List<SnapshotFigure> rows) {
        Map<Metric, BigDecimal> values = new EnumMap<>(Metric.class);
        for (SnapshotFigure f : rows) {
            Metric.byKey(f.metricKey).ifPresent(m -> values.put(m, f.value == null ? null : f.value.stripTrailingZeros()));
        }
        return values;
    }

    static Map<Metric, Exact> exactSnapshot(List<SnapshotFigure> rows) {
        Map<Metric, Exact> values = new EnumMap<>(Metric.class);
        for (SnapshotFigure f : rows) {
            Metric.byKey(f.metricKey).ifPresent(m -> {
                Exact e = f.exact(m);
                if (e != null) {
                    values.put(m, e);
                }
            });
        }
        return values;
    }

    /** The catalogue events of the region's subtree dated in the period and recorded since {@code since}. */
    Uni<Page> adjustments(String region, Period period, Instant since) {
        Tuple params = Tuple.tuple()
                .addOffsetDateTime(since.atOffset(ZoneOffset.UTC))
                .addString(RegionCodes.lowerBound(region))
                .addString(RegionCodes.upperBound(region))
                .addOffsetDateTime(period.start().atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(period.end().atOffset(ZoneOffset.UTC))
                .addArrayOfString(CATALOGUE_KINDS)
                .addInteger(ADJUSTMENTS_SHOWN);
        return pool.preparedQuery(ADJUSTMENTS).execute(params).map(rows -> {
            List<Adjustment> items = new ArrayList<>();
            long total = 0;
            for (Row r : rows) {
                total = r.getLong("total");
                items.add(adjustment(r));
            }
            return new Page(items, total);
        });
    }

    private static Adjustment adjustment(Row r) {
        String kind = r.getString("kind");
        int quantity = r.getInteger("quantity");
        Long amount = r.getLong("amount_fen");
        Long corrects = r.getLong("corrects_id");
        String sourceType = r.getString("source_type");
        UUID sourceId = r.getUUID("source_id");
        return new Adjustment(r.getLong("id"), Adjustment.nature(corrects), kind,
                r.getOffsetDateTime("occurred_at").toInstant(), r.getOffsetDateTime("recorded_at").toInstant(),
                r.getString("region_code"), quantity, amount, corrects, sourceType, sourceId,
                DrillDown.href(sourceType, sourceId), r.getString("adjustment_reason"),
                Adjustment.effects(kind, quantity, amount));
    }
}
