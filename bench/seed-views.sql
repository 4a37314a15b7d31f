-- Stored view events for bench/education.sh: :rows plays (one per device, episode and day) over the last 365
-- days of the :column_id's episodes, in edu_view and as their EDUCATION_VIDEO_PLAY ledger events (45% also
-- completed: EDUCATION_VIDEO_COMPLETED), already aggregated.
--
--   psql -v rows=10000000 -v column_id=<uuid> -v organisation=<uuid> -f bench/seed-views.sql
--
-- Fast but honest: one transaction that
--   * locks the aggregation state row first (the app's scheduled aggregation waits for it),
--   * drops the indexes of edu_view and ledger_event (all but ledger_event's primary key) and loads both
--     tables with one INSERT … SELECT generate_series each, then rebuilds exactly the same indexes from
--     their saved definitions (a sorted build instead of 10 M random B-tree inserts),
--   * marks the seeded events as aggregated: edu_episode_daily and edu_episode_stats get the plays and
--     completions of the seeded view rows, and the aggregation watermark moves past this transaction (so
--     the app does not add them again; nothing else writes video events while it runs).
-- The stored rows and the indexes at the end are what 10 M views through the service would leave.
\set ON_ERROR_STOP on
\timing on
set maintenance_work_mem = '512MB';
set work_mem = '256MB';

begin;
select watermark from edu_aggregation_state where id for update;

create temporary table bench_episodes on commit drop as
    select row_number() over (order by id) as n, id, region_code from edu_episode where column_id = :'column_id'::uuid;
create unique index on bench_episodes (n);
select count(*) as episodes from bench_episodes \gset

create temporary table bench_indexes on commit drop as
    select tablename, indexname, indexdef from pg_indexes
    where schemaname = 'public' and tablename in ('edu_view', 'ledger_event')
      and indexname not in ('edu_view_pkey', 'ledger_event_pkey')
    union all
    select tablename, indexname, indexdef from pg_indexes
    where schemaname = 'public' and tablename = 'edu_episode_daily' and indexname <> 'edu_episode_daily_pkey';
select format('drop index %I', indexname) from bench_indexes \gexec
alter table edu_view drop constraint edu_view_pkey;
alter table edu_episode_daily drop constraint edu_episode_daily_pkey;

insert into edu_view (episode_id, device_id, view_day, column_id, region_code, progress, first_at, last_at, completed_at)
select e.id, 'seed-' || g, (now() at time zone 'Asia/Shanghai')::date - (g % 365)::int, :'column_id'::uuid,
       e.region_code, case when g % 100 < 45 then 95 else 40 end, now() - interval '1 day' * (g % 365),
       now() - interval '1 day' * (g % 365), case when g % 100 < 45 then now() - interval '1 day' * (g % 365) end
from generate_series(1, :rows) g join bench_episodes e on e.n = 1 + g % :episodes;

insert into ledger_event (kind, region_code, organisation_id, occurred_at, quantity, source_type, source_id, recorded_at)
select k.kind, e.region_code, :'organisation'::uuid, now() - interval '1 day' * (g % 365), 1, 'edu_episode', e.id, now()
from generate_series(1, :rows) g join bench_episodes e on e.n = 1 + g % :episodes
join (values ('EDUCATION_VIDEO_PLAY', 100), ('EDUCATION_VIDEO_COMPLETED', 45)) as k(kind, below) on g % 100 < k.below;

-- already aggregated: the per-day rows (the column is new: none yet) of the seeded views
insert into edu_episode_daily (episode_id, day, plays, completions)
select episode_id, (first_at at time zone 'Asia/Shanghai')::date, count(*), count(completed_at)
from edu_view where column_id = :'column_id'::uuid
group by 1, 2;

-- the same indexes as the migrations made them
alter table edu_view add primary key (episode_id, device_id, view_day);
alter table edu_episode_daily add primary key (episode_id, day);
select indexdef from bench_indexes \gexec

update edu_episode_stats s set plays = s.plays + t.plays, completions = s.completions + t.completions
from (select episode_id, sum(plays) as plays, sum(completions) as completions from edu_episode_daily
      where episode_id in (select id from bench_episodes) group by 1) t
where s.episode_id = t.episode_id;
update edu_aggregation_state
   set watermark = (pg_current_xact_id()::text::numeric + 1)::text::xid8, generation = generation + 1,
       aggregated = aggregated + :rows + (select count(*) from generate_series(1, :rows) g where g % 100 < 45),
       updated_at = now()
 where id;
commit;
