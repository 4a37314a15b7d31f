package org.publiclegal.education;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Adds plays and completions to the per-episode counters ({@code edu_episode_stats}: a narrow row per episode,
 * so a run rewrites no episode row and touches none of its indexes; the popular feed sorts on it) and to the
 * per-episode per-day table, in batches. The raw events are the ledger's
 * insert-only {@link EducationEvents#PLAY} / {@link EducationEvents#COMPLETED} rows; like the ledger roll-ups
 * (V13) a run takes the events of transactions finished for certain (below {@code pg_snapshot_xmin}) since
 * its watermark, adds them and moves the watermark, in one transaction on a locked state row, so replicas
 * take turns and every event is added exactly once (the scheduled run skips, rather than waits, when another
 * replica holds the row). Each run that added something bumps the generation
 * (part of the feed's ETag).
 */
@ApplicationScoped
public class ViewAggregation {

    private static final Logger LOG = Logger.getLogger(ViewAggregation.class);

    private static final String LOCK = "select watermark from edu_aggregation_state where id for update";

    /** The scheduled run's lock: no row when another replica is aggregating, and the run is skipped, not queued. */
    private static final String TRY_LOCK = LOCK + " skip locked";

    private static final String AGGREGATE = """
            with bound as (
                select s.watermark as low, greatest(s.watermark, pg_snapshot_xmin(pg_current_snapshot())) as high
                from edu_aggregation_state s where s.id),
            fresh as (
                select e.source_id as episode_id, (e.occurred_at at time zone 'Asia/Shanghai')::date as day,
                       coalesce(sum(e.quantity) filter (where e.kind = '%1$s'), 0) as plays,
                       coalesce(sum(e.quantity) filter (where e.kind = '%2$s'), 0) as completions,
                       count(*) as events
                from ledger_event e, bound b
                where e.tx_id >= b.low and e.tx_id < b.high and e.kind in ('%1$s', '%2$s')
                group by 1, 2),
            daily as (
                insert into edu_episode_daily as d (episode_id, day, plays, completions)
                select episode_id, day, plays, completions from fresh
                on conflict (episode_id, day) do update
                    set plays = d.plays + excluded.plays, completions = d.completions + excluded.completions),
            totals as (
                update edu_episode_stats p set plays = p.plays + t.plays, completions = p.completions + t.completions
                from (select episode_id, sum(plays) as plays, sum(completions) as completions
                      from fresh group by episode_id) t
                where p.episode_id = t.episode_id)
            update edu_aggregation_state s
               set watermark = b.high,
                   generation = s.generation + (case when exists (select 1 from fresh) then 1 else 0 end),
                   aggregated = s.aggregated + (select coalesce(sum(events), 0) from fresh),
                   updated_at = now()
              from bound b where s.id
            returning (select coalesce(sum(events), 0) from fresh)
            """.formatted(EducationEvents.PLAY, EducationEvents.COMPLETED);

    private final Pool pool;

    public ViewAggregation(Pool pool) {
        this.pool = pool;
    }

    /** Adds the play and completion events of every transaction finished since the last run; returns how many. */
    public Uni<Long> run() {
        return pool.withTransaction(c -> c.query(LOCK).execute()
                .chain(() -> c.query(AGGREGATE).execute())
                .map(rows -> rows.iterator().next().getLong(0)));
    }

    /** As {@link #run}, unless another replica holds the state row: then nothing is done and the answer is -1. */
    Uni<Long> runUnlessBusy() {
        return pool.withTransaction(c -> c.query(TRY_LOCK).execute()
                .chain(locked -> locked.size() == 0 ? Uni.createFrom().item(-1L)
                        : c.query(AGGREGATE).execute().map(rows -> rows.iterator().next().getLong(0))));
    }

    @Scheduled(every = "${app.education.aggregate-every:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return runUnlessBusy().invoke(n -> {
                    if (n > 0) {
                        LOG.infof("Video view aggregation: %d play/completion events added by this instance", n);
                    } else if (n < 0) {
                        LOG.debug("Video view aggregation: another instance is aggregating; skipped");
                    }
                })
                // a failure reaches the scheduler: logged at ERROR, counted in legal_jobs_runs_total{outcome="failure"},
                // and the next run retries
                .replaceWithVoid();
    }
}
