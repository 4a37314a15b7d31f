package org.publiclegal.reporting.reconcile;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.reporting.DrillDown;
import org.publiclegal.reporting.Period;
import org.publiclegal.reporting.ReportingScope.RegionRef;
import org.publiclegal.shared.domain.NotFound;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.persistence.Cursor;
import org.publiclegal.shared.persistence.CursorPage;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * 台账核对: recounts each figure that has a source table from the case records ({@link RecordSource}) and compares,
 * record by record, with the ledger events of the figure's kinds in the same region and period. A record counted
 * in one and not (or differently) in the other is a difference: a transition that forgot its event, an event
 * without its record, or a state changed behind the service's back.
 */
@ApplicationScoped
public class Reconciliation {

    /** Differences listed per figure (the count says how many there are in all). */
    public static final int DIFFERENCES_SHOWN = 100;

    private static final String COMPARE = """
            with expected as (%s),
            ledger as (
                select source_id, sum(quantity)::bigint as quantity, array_agg(id order by id) as event_ids
                from ledger_event
                where kind = any($7) and source_type = $8 and region_code >= $1 and region_code < $2
                  and occurred_at >= $3 and occurred_at < $4 and $5::date <= $6::date
                group by source_id
            ),
            compared as (
                select coalesce(e.source_id, l.source_id) as source_id, coalesce(e.quantity, 0) as in_records,
                       coalesce(l.quantity, 0) as in_ledger, l.event_ids
                from expected e full join ledger l on l.source_id = e.source_id
            )
            select source_id, in_records, in_ledger, event_ids,
                   (select coalesce(sum(in_records), 0) from compared)::bigint as total_records,
                   (select coalesce(sum(in_ledger), 0) from compared)::bigint as total_ledger,
                   count(*) over () as differences
            from compared where in_records <> in_ledger and ($10::uuid is null or source_id > $10::uuid)
            order by source_id
            limit $9""";

    private static final String TOTALS = """
            with expected as (%s)
            select (select coalesce(sum(quantity), 0) from expected)::bigint as total_records,
                   (select coalesce(sum(quantity), 0) from ledger_event
                    where kind = any($7) and source_type = $8 and region_code >= $1 and region_code < $2
                      and occurred_at >= $3 and occurred_at < $4 and $5::date <= $6::date)::bigint as total_ledger""";

    /** One record counted differently: by the case records and by the ledger (with the ledger's event ids). */
    public record Difference(UUID sourceId, String href, long inRecords, long inLedger, List<Long> ledgerEventIds) {
    }

    /**
     * One figure recounted: the totals on each side and the differing records (the first
     * {@link #DIFFERENCES_SHOWN}; {@code nextCursor} pages on through
     * {@code GET /api/admin/ledger/reconcile/{key}/differences}).
     */
    public record FigureCheck(String key, String label, String unit, long fromRecords, long fromLedger,
                              boolean consistent, long differenceCount, List<Difference> differences,
                              String nextCursor) {
    }

    public record Result(RegionRef region, int year, LocalDate from, LocalDate to, boolean consistent,
                         List<FigureCheck> figures) {
    }

    private final Pool pool;

    public Reconciliation(Pool pool) {
        this.pool = pool;
    }

    public Uni<Result> reconcile(RegionRef region, int year) {
        Period period = Period.year(year);
        return Multi.createFrom().iterable(RecordSource.ALL)
                .onItem().transformToUniAndConcatenate(source -> check(source, region.code(), period))
                .collect().asList()
                .map(checks -> new Result(region, year, period.from(), period.to(),
                        checks.stream().allMatch(FigureCheck::consistent), checks));
    }

    /**
     * The differing records of one figure ({@code key}) of a region's year, after {@code cursor}, in record-id order:
     * the first page is what {@link #reconcile} lists. 404 for a figure without a source table.
     */
    public Uni<CursorPage<Difference>> differences(String key, String region, int year, String cursor, int limit) {
        RecordSource source = RecordSource.ALL.stream().filter(s -> s.metric().key().equals(key)).findFirst()
                .orElseThrow(() -> new NotFound("可核对的指标", key));
        List<String> after = Cursor.decode(cursor, 1);
        UUID afterId;
        try {
            afterId = after.isEmpty() ? null : UUID.fromString(after.get(0));
        } catch (IllegalArgumentException e) {
            throw Cursor.invalid();
        }
        return page(source, region, Period.year(year), afterId, limit).map(Page::differences);
    }

    private record Page(CursorPage<Difference> differences, long count, long records, long ledger) {
    }

    private Uni<Page> page(RecordSource source, String region, Period period, UUID afterId, int limit) {
        return pool.preparedQuery(COMPARE.formatted(source.sql()))
                .execute(params(source, region, period).addInteger(limit + 1).addUUID(afterId))
                .map(rows -> {
                    List<Difference> differences = new ArrayList<>();
                    long count = 0;
                    long records = 0;
                    long ledger = 0;
                    for (Row r : rows) {
                        count = r.getLong("differences");
                        records = r.getLong("total_records");
                        ledger = r.getLong("total_ledger");
                        Long[] ids = r.getArrayOfLongs("event_ids");
                        UUID id = r.getUUID("source_id");
                        differences.add(new Difference(id, DrillDown.href(source.sourceType(), id),
                                r.getLong("in_records"), r.getLong("in_ledger"),
                                ids == null ? List.of() : Arrays.asList(ids)));
                    }
                    return new Page(CursorPage.of(differences, limit, d -> Cursor.encode(d.sourceId()), d -> d),
                            count, records, ledger);
                });
    }

    Uni<FigureCheck> check(RecordSource source, String region, Period period) {
        return page(source, region, period, null, DIFFERENCES_SHOWN)
                .chain(p -> {
                    long count = p.count();
                    if (count > 0) {
                        return Uni.createFrom().item(figure(source, p.records(), p.ledger(), count,
                                p.differences().items(), p.differences().nextCursor()));
                    }
                    // no difference: the totals are read on their own (the comparison returned no row to carry them)
                    return pool.preparedQuery(TOTALS.formatted(source.sql())).execute(params(source, region, period))
                            .map(t -> {
                                Row row = t.iterator().next();
                                return figure(source, row.getLong("total_records"), row.getLong("total_ledger"), 0,
                                        List.of(), null);
                            });
                });
    }

    private static Tuple params(RecordSource source, String region, Period period) {
        return Tuple.tuple()
                .addString(RegionCodes.lowerBound(region))
                .addString(RegionCodes.upperBound(region))
                .addOffsetDateTime(period.start().atOffset(ZoneOffset.UTC))
                .addOffsetDateTime(period.end().atOffset(ZoneOffset.UTC))
                .addLocalDate(period.from())
                .addLocalDate(period.to())
                .addArrayOfString(source.kinds().toArray(String[]::new))
                .addString(source.sourceType());
    }

    static FigureCheck figure(RecordSource source, long records, long ledger, long count, List<Difference> differences) {
        return figure(source, records, ledger, count, differences, null);
    }

    static FigureCheck figure(RecordSource source, long records, long ledger, long count, List<Difference> differences,
                              String nextCursor) {
        return new FigureCheck(source.metric().key(), source.metric().label(), source.metric().unit(), records,
                ledger, count == 0 && records == ledger, count, differences, nextCursor);
    }
}
