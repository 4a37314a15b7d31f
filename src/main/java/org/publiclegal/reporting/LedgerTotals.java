package org.publiclegal.reporting;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.publiclegal.shared.domain.RegionCodes;
import org.publiclegal.shared.domain.TimeSource;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Totals of ledger event kinds for a region and a span of days (China time): the roll-up rows of the region
 * plus the events not rolled up yet, so a total is exact as soon as the business change commits. Cost: at most
 * one roll-up row per kind and day, whatever the size of the ledger, plus the few events since the last
 * catch-up.
 * <p>
 * The watermark and the totals are read in one REPEATABLE READ transaction (one snapshot: a catch-up committing
 * in between cannot make an event count twice or not at all), and the watermark is passed as a parameter
 * planned with its value: as a subquery, or in a cached generic plan, the planner cannot tell that
 * {@code tx_id >= watermark} selects only the newest events and, with ten million events, read the period's
 * events through the kind/time index instead (350 ms instead of 15 ms, bench/README.md).
 */
@ApplicationScoped
public class LedgerTotals {

    private static final String UNION = """
            select kind, %1$s as bucket, sum(quantity)::bigint as quantity, sum(amount_fen)::bigint as amount_fen
            from (
                select r.kind, r.day, r.quantity, r.amount_fen from ledger_rollup r
                where r.region_code = $1 and r.kind = any($2) and r.day >= $3 and r.day <= $4
                union all
                select e.kind, (e.occurred_at at time zone 'Asia/Shanghai')::date, e.quantity, coalesce(e.amount_fen, 0)
                from ledger_event e
                where e.tx_id >= $9::xid8 and e.kind = any($2) and e.region_code >= $5 and e.region_code < $6
                  and e.occurred_at >= $7 and e.occurred_at < $8
            ) x
            group by kind, bucket
            """;

    /** A kind's sum of quantities and of amounts (fen). */
    public record Sum(long quantity, long amountFen) {
        static final Sum ZERO = new Sum(0, 0);

        Sum plus(Sum o) {
            return new Sum(quantity + o.quantity, amountFen + o.amountFen);
        }
    }

    private final Pool pool;

    public LedgerTotals(Pool pool) {
        this.pool = pool;
    }

    /** Per kind, the totals over {@code from..to} (both inclusive). */
    public Uni<Map<String, Sum>> totals(String region, List<String> kinds, LocalDate from, LocalDate to) {
        return query("0", region, kinds, from, to).map(rows -> {
            Map<String, Sum> sums = new HashMap<>();
            for (Row r : rows) {
                sums.merge(r.getString("kind"), sum(r), Sum::plus);
            }
            return sums;
        });
    }

    /** Per day and kind, the totals over {@code from..to} (days without events are absent). */
    public Uni<Map<LocalDate, Map<String, Sum>>> daily(String region, List<String> kinds, LocalDate from, LocalDate to) {
        return query("day", region, kinds, from, to).map(rows -> {
            Map<LocalDate, Map<String, Sum>> days = new HashMap<>();
            for (Row r : rows) {
                days.computeIfAbsent(r.getLocalDate("bucket"), d -> new HashMap<>())
                        .merge(r.getString("kind"), sum(r), Sum::plus);
            }
            return days;
        });
    }

    private Uni<List<Row>> query(String bucket, String region, List<String> kinds, LocalDate from, LocalDate to) {
        if (kinds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Tuple params = Tuple.tuple()
                .addString(region)
                .addArrayOfString(kinds.toArray(String[]::new))
                .addLocalDate(from)
                .addLocalDate(to)
                .addString(RegionCodes.lowerBound(region))
                .addString(RegionCodes.upperBound(region))
                .addOffsetDateTime(startOf(from))
                .addOffsetDateTime(startOf(to.plusDays(1)));
        return pool.withTransaction(c -> c.query("set transaction isolation level repeatable read, read only; "
                        + "set local plan_cache_mode = force_custom_plan").execute()
                .chain(() -> c.query("select watermark::text from ledger_rollup_state where id").execute())
                .chain(w -> c.preparedQuery(UNION.formatted(bucket))
                        .execute(params.addString(w.iterator().next().getString(0))))
                .map(rows -> {
                    List<Row> list = new ArrayList<>();
                    rows.forEach(list::add);
                    return list;
                }));
    }

    static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay(TimeSource.CHINA).toOffsetDateTime();
    }

    private static Sum sum(Row r) {
        return new Sum(r.getLong("quantity"), r.getLong("amount_fen"));
    }

    /**
     * 人民调解委员会 of the region's subtree serving on {@code day} (a period's last day), read from the register
     * through {@code register_committees} (V30), the same read as the drill-down's.
     */
    public Uni<Long> committees(String region, LocalDate day) {
        return count("select count(*) from register_committees($1, $2, $3)", region, day);
    }

    /**
     * 人民调解员 serving on {@code day} in committees of the region's subtree serving that day, through
     * {@code register_mediators} (V30), the same read as the drill-down's.
     */
    public Uni<Long> mediators(String region, LocalDate day) {
        return count("select count(*) from register_mediators($1, $2, $3)", region, day);
    }

    /**
     * Villages and communities (村、社区) of the region's subtree on the register on {@code day}, through
     * {@code register_villages} (V31), the same read as the drill-down's.
     */
    public Uni<Long> villages(String region, LocalDate day) {
        return count("select count(*) from register_villages($1, $2, $3)", region, day);
    }

    /**
     * Villages covered at the end of {@code day}: the running total of the coverage {@code kinds} (±1 per village as
     * its coverage flips) of the villages of the region's subtree that are on the register that day
     * ({@code register_villages}, V31, the denominator's read). A village merged or deactivated while a contract
     * still covers it leaves the numerator together with the denominator from its first day off the register (and
     * comes back with a reactivation), so the 签约率 never passes 100 %; earlier periods still count it. Read from the
     * events (an index range of the few coverage events), not the roll-ups, which are per region and day only.
     */
    public Uni<Long> covered(String region, List<String> kinds, LocalDate day) {
        return pool.preparedQuery("""
                        select coalesce(sum(e.quantity), 0)::bigint from ledger_event e
                        where e.kind = any($4) and e.occurred_at < $5
                          and e.region_code in (select v.code from register_villages($1, $2, $3) v)""")
                .execute(Tuple.tuple().addString(RegionCodes.lowerBound(region)).addString(RegionCodes.upperBound(region))
                        .addLocalDate(day).addArrayOfString(kinds.toArray(String[]::new))
                        .addOffsetDateTime(startOf(day.plusDays(1))))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /**
     * 普法视频观看人数: distinct devices that viewed videos of the region's subtree on the days
     * {@code from..to} (China time), counted from the view rows (a distinct count cannot be summed from days).
     */
    public Uni<Long> viewers(String region, LocalDate from, LocalDate to) {
        return pool.preparedQuery("""
                        select count(distinct device_id) from edu_view
                        where region_code >= $1 and region_code < $2 and view_day between $3 and $4""")
                .execute(Tuple.of(RegionCodes.lowerBound(region), RegionCodes.upperBound(region), from, to))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private Uni<Long> count(String sql, String region, LocalDate day) {
        return pool.preparedQuery(sql)
                .execute(Tuple.of(RegionCodes.lowerBound(region), RegionCodes.upperBound(region), day))
                .map(rows -> rows.iterator().next().getLong(0));
    }
}
