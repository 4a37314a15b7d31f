package org.publiclegal.reporting;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Keeps {@code ledger_rollup} (day × region × event kind) in step with the ledger. See migration V13 for the
 * watermark scheme: {@link #catchUp} adds only the events written since the last run, so its cost follows
 * the number of new events, never the size of the history; {@link #rebuild} recomputes everything from the
 * ledger and must give the same rows; {@link #verify} compares the two without changing anything.
 */
@ApplicationScoped
public class LedgerRollups {

    private static final Logger LOG = Logger.getLogger(LedgerRollups.class);

    /** Locks the single state row: catch-ups and rebuilds (on any replica) run one at a time. */
    private static final String LOCK = "select watermark from ledger_rollup_state where id for update";

    /** The scheduled run's lock: no row when another replica is rolling up, and the run is skipped, not queued. */
    private static final String TRY_LOCK = LOCK + " skip locked";

    /**
     * The events of a tx_id range, summed per (kind, region, China day) first and only then added to every
     * ancestor region (expanding each event five times before summing made a 10 M-event rebuild sort 50 M rows).
     */
    private static final String ROLL_UP = """
            insert into ledger_rollup as r (region_code, kind, day, events, quantity, amount_fen)
            select a.code, d.kind, d.day, sum(d.events), sum(d.quantity), sum(d.amount_fen)
            from daily d cross join lateral region_ancestors_or_self(d.region_code) a(code)
            group by a.code, d.kind, d.day
            on conflict (region_code, kind, day) do update
                set events = r.events + excluded.events, quantity = r.quantity + excluded.quantity,
                    amount_fen = r.amount_fen + excluded.amount_fen
            """;

    private static final String FRESH = """
            fresh as (
                select e.kind, e.region_code, (e.occurred_at at time zone 'Asia/Shanghai')::date as day,
                       e.quantity, coalesce(e.amount_fen, 0) as amount_fen,
                       case when e.quantity < 0 then -1 else 1 end as counted
                from ledger_event e, bound b
                where e.tx_id >= b.low and e.tx_id < b.high),
            daily as (
                select kind, region_code, day, sum(counted) as events, sum(quantity) as quantity,
                       sum(amount_fen) as amount_fen
                from fresh group by kind, region_code, day)
            """;

    private static final String CATCH_UP = """
            with bound as (
                select s.watermark as low, greatest(s.watermark, pg_snapshot_xmin(pg_current_snapshot())) as high
                from ledger_rollup_state s where s.id),
            """ + FRESH + """
            , added as (""" + ROLL_UP + """
            )
            update ledger_rollup_state s
               set watermark = b.high, rolled_up = s.rolled_up + (select count(*) from fresh), updated_at = now()
              from bound b where s.id
            returning (select count(*) from fresh)
            """;

    private static final String REBUILD = """
            with bound as (select '1'::xid8 as low, pg_snapshot_xmin(pg_current_snapshot()) as high),
            """ + FRESH + """
            , added as (""" + ROLL_UP + """
            )
            update ledger_rollup_state s
               set watermark = b.high, rolled_up = (select count(*) from fresh), rebuilt_at = now(), updated_at = now()
              from bound b where s.id
            returning (select count(*) from fresh)
            """;

    /**
     * Rows where the stored roll-up differs from a fresh aggregation of the events below the watermark
     * (a row absent on one side counts as zeros).
     */
    private static final String VERIFY = """
            with bound as (select '1'::xid8 as low, watermark as high from ledger_rollup_state where id),
            """ + FRESH + """
            , expected as (
                select a.code as region_code, d.kind, d.day, sum(d.events) as events,
                       sum(d.quantity) as quantity, sum(d.amount_fen) as amount_fen
                from daily d cross join lateral region_ancestors_or_self(d.region_code) a(code)
                group by a.code, d.kind, d.day)
            select count(*) from expected x full join ledger_rollup r
                on r.region_code = x.region_code and r.kind = x.kind and r.day = x.day
            where coalesce(x.events, 0) <> coalesce(r.events, 0) or coalesce(x.quantity, 0) <> coalesce(r.quantity, 0)
               or coalesce(x.amount_fen, 0) <> coalesce(r.amount_fen, 0)
            """;

    private final Pool pool;

    public LedgerRollups(Pool pool) {
        this.pool = pool;
    }

    /** Adds the events of every transaction finished since the last run; returns how many events were added. */
    public Uni<Long> catchUp() {
        return pool.withTransaction(c -> c.query(LOCK).execute()
                .chain(() -> c.query(CATCH_UP).execute())
                .map(rows -> rows.iterator().next().getLong(0)));
    }

    /**
     * As {@link #catchUp}, unless another replica holds the state row: then nothing is done and the answer is
     * {@code -1} (that replica adds the same events; the next run takes whatever is left).
     */
    Uni<Long> catchUpUnlessBusy() {
        return pool.withTransaction(c -> c.query(TRY_LOCK).execute()
                .chain(locked -> locked.size() == 0 ? Uni.createFrom().item(-1L)
                        : c.query(CATCH_UP).execute().map(rows -> rows.iterator().next().getLong(0))));
    }

    /** Recomputes every roll-up row from the whole ledger (in one transaction: readers see old or new, never half). */
    public Uni<Long> rebuild() {
        return pool.withTransaction(c -> c.query(LOCK).execute()
                .chain(() -> c.query("delete from ledger_rollup").execute())
                .chain(() -> c.query(REBUILD).execute())
                .map(rows -> rows.iterator().next().getLong(0)))
                .invoke(n -> LOG.infof("Ledger roll-ups rebuilt from %d events", n));
    }

    /** How many roll-up rows disagree with the ledger (0 when they are consistent). */
    public Uni<Long> verify() {
        return pool.withTransaction(c -> c.query(LOCK).execute()
                .chain(() -> c.query(VERIFY).execute())
                .map(rows -> rows.iterator().next().getLong(0)));
    }

    /** The state of the roll-ups: events rolled up, when last rebuilt, events waiting. */
    public Uni<Status> status() {
        return pool.query("""
                        select s.rolled_up, s.rebuilt_at, s.updated_at,
                               (select count(*) from ledger_event e where e.tx_id >= s.watermark) as waiting
                        from ledger_rollup_state s where s.id""").execute()
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new Status(r.getLong("rolled_up"), r.getValue("rebuilt_at") == null ? null
                            : r.getOffsetDateTime("rebuilt_at").toInstant(),
                            r.getOffsetDateTime("updated_at").toInstant(), r.getLong("waiting"));
                });
    }

    /** @param waiting events written since the last catch-up (readers already include them) */
    public record Status(long rolledUp, java.time.Instant rebuiltAt, java.time.Instant updatedAt, long waiting) {
    }

    @Scheduled(every = "${app.reporting.rollup-every:10s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduledCatchUp() {
        return catchUpUnlessBusy().invoke(n -> {
                    if (n > 0) {
                        LOG.infof("Ledger roll-up: %d ledger events rolled up by this instance", n);
                    } else if (n < 0) {
                        LOG.debug("Ledger roll-up: another instance is rolling up; skipped");
                    }
                })
                // a failure reaches the scheduler: logged at ERROR, counted in legal_jobs_runs_total{outcome="failure"},
                // and the next run retries
                .replaceWithVoid();
    }
}
