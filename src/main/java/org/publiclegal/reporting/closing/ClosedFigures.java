package org.publiclegal.reporting.closing;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.reporting.DrillDown;
import org.publiclegal.reporting.Exact;
import org.publiclegal.reporting.Metric;
import org.publiclegal.reporting.MetricService;
import org.publiclegal.reporting.Period;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.persistence.Cursor;
import org.publiclegal.shared.persistence.CursorPage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
              and (recorded_at, id) > ($8, $9)
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
                         long adjustmentCount, Map<Metric, Exact> exactSnapshot, String adjustmentsNextCursor) {

        public Closed(Closure closure, Map<Metric, BigDecimal> snapshot, List<Adjustment> adjustments,
                      long adjustmentCount, Map<Metric, Exact> exactSnapshot) {
            this(closure, snapshot, adjustments, adjustmentCount, exactSnapshot, null);
        }

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
     * The closed figures of {@code region} (the county, one of its townships or villages) for exactly {@code period},
     * or null when the period is not closed or no snapshot was taken for the region (a village not on the register
     * at the period's end, or a period closed before villages were snapshotted: its figures stay live, and the
     * response says {@code closed: false}).
     */
    public Uni<Closed> find(String region, Period period) {
        String county = countyOf(region);
        if (county == null) {
            return Uni.createFrom().nullItem();
        }
        return closures.inForce(county, period).chain(c -> c == null ? Uni.createFrom().nullItem()
                : figures.of(c.id, region).chain(rows -> rows.isEmpty() ? Uni.createFrom().nullItem()
                : adjustments(region, period, c.closedAt, null, ADJUSTMENTS_SHOWN).map(a -> new Closed(
                        Closure.of(c), snapshot(rows), a.page().items(), a.total(), exactSnapshot(rows),
                        a.page().nextCursor()))));
    }

    /**
     * The 调整 of a closed period for {@code region} (the county or any region in it), page by page in (recorded,
     * id) order: the first page is what the report lists. 404 when the period is not closed.
     */
    public Uni<CursorPage<Adjustment>> adjustmentPage(String region, Period period, String cursor, int limit) {
        String county = countyOf(region);
        if (county == null) {
            throw new NotFound("关账期间", period.from() + " 至 " + period.to());
        }
        return closures.inForce(county, period).chain(c -> {
            if (c == null) {
                throw new NotFound("关账期间", period.from() + " 至 " + period.to());
            }
            return adjustments(region, period, c.closedAt, cursor, limit).map(Page::page);
        });
    }

    private record Page(CursorPage<Adjustment> page, long total) {
    }

    /** The figures of a snapshot as the live figures come: 10 for a stored 10.0 (never 1E+1). */
    static Map<Metric, BigDecimal> snapshot(List<SnapshotFigure> rows) {
        Map<Metric, BigDecimal> values = new EnumMap<>(Metric.class);
        for (SnapshotFigure f : rows) {
            Metric.byKey(f.metricKey).ifPresent(m -> values.put(m, MetricService.plain(f.value)));
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
    Uni<Page> adjustments(String region, Period period, Instant since, String cursor, int limit) {
        List<String> after = Cursor.decode(cursor, 2);
        OffsetDateTime afterAt;
        long afterId;
        try {
            afterAt = after.isEmpty() ? OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC)
                    : OffsetDateTime.parse(after.get(0));
            afterId = after.isEmpty() ? 0 : Long.parseLong(after.get(1));
        } catch (RuntimeException e) {
            throw Cursor.invalid();
        }
        Tuple params = Tuple.tuple()
                .addOffsetDateTime(since.atOffset(ZoneOffset.UTC))
                .addString(RegionCodes.lowerBound(region))
                .addString(RegionCodes.upperBound(region))
                .addOffsetDateTime(period.start().atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(period.end().atOffset(ZoneOffset.UTC))
                .addArrayOfString(CATALOGUE_KINDS)
                .addInteger(limit + 1)
                .addOffsetDateTime(afterAt)
                .addLong(afterId);
        return pool.preparedQuery(ADJUSTMENTS).execute(params).map(rows -> {
            List<Adjustment> items = new ArrayList<>();
            long total = 0;
            for (Row r : rows) {
                total = r.getLong("total");
                items.add(adjustment(r));
            }
            return new Page(CursorPage.of(items, limit, a -> Cursor.encode(a.recordedAt().atOffset(ZoneOffset.UTC),
                    a.eventId()), a -> a), total);
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
