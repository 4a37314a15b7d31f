-- Stored view events for bench/education.sh: :rows plays (one per device, episode and day) over the last 365
-- days of the :column_id's episodes, in edu_view and as their EDUCATION_VIDEO_PLAY ledger events (45% also
-- completed: EDUCATION_VIDEO_COMPLETED), in chunks of one million rows per transaction, all indexes in place.
--
--   psql -v rows=10000000 -v column_id=<uuid> -v organisation=<uuid> -f bench/seed-views.sql
\set ON_ERROR_STOP on

create temporary table bench_episodes as
    select row_number() over (order by id) as n, id, region_code from edu_episode where column_id = :'column_id'::uuid;
create unique index on bench_episodes (n);
select count(*) as episodes from bench_episodes \gset

select format('insert into edu_view (episode_id, device_id, view_day, column_id, region_code, progress, first_at, last_at, completed_at)
    select e.id, ''seed-'' || g, (now() at time zone ''Asia/Shanghai'')::date - (g %% 365)::int, %L, e.region_code,
           case when g %% 100 < 45 then 95 else 40 end, now() - interval ''1 day'' * (g %% 365),
           now() - interval ''1 day'' * (g %% 365), case when g %% 100 < 45 then now() - interval ''1 day'' * (g %% 365) end
    from generate_series(%s, %s) g join bench_episodes e on e.n = 1 + g %% %s',
    :'column_id', lo, least(lo + 999999, :rows), :episodes)
from generate_series(1, :rows, 1000000) lo \gexec

select format('insert into ledger_event (kind, region_code, organisation_id, occurred_at, quantity, source_type, source_id, recorded_at)
    select k.kind, e.region_code, %L, now() - interval ''1 day'' * (g %% 365), 1, ''edu_episode'', e.id, now()
    from generate_series(%s, %s) g join bench_episodes e on e.n = 1 + g %% %s
    cross join lateral (select ''EDUCATION_VIDEO_PLAY'' as kind union all
                        select ''EDUCATION_VIDEO_COMPLETED'' where g %% 100 < 45) k',
    :'organisation', lo, least(lo + 999999, :rows), :episodes)
from generate_series(1, :rows, 1000000) lo \gexec
