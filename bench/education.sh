#!/usr/bin/env bash
# 普法 video benchmark: the resident feed (200 and 304 paths), Chinese search at 100,000 episodes (two- and
# four-character queries, and the same SQL in pgbench as the reference), and view-report ingestion with ten
# million view events already stored (and the same statements in pgbench as the reference).
#
#   bash bench/education.sh                      # from the project root; needs a JDK 17, curl, psql and pgbench
#   SCENARIOS=ingest bash bench/education.sh     # only the ingestion (about 10 minutes on 2 cores)
#
# Builds the app, starts it (dev profile: embedded PostgreSQL 17 + demo county with its 《律师普法》 column)
# on a fresh temporary data folder, drives it with bench/LoadDriver.java, seeds EPISODES episodes
# (bench/seed-episodes.sql) and VIEWS stored plays with their ledger events, already aggregated
# (bench/seed-views.sql: one transaction, indexes rebuilt after the load), and writes
# the figures to bench/results/education-<date>.md. The feed's in-memory page cache is switched off
# (FEED_CACHE=0) so that every 200 builds its page; the scheduled ledger roll-up is off (the script runs one
# catch-up, timed), the view aggregation runs on its normal 30 s schedule. Everything it starts is stopped and
# the temporary folder removed on exit. It waits for other benchmarks first (2 cores).
# Knobs (environment variables, defaults in brackets):
#   SCENARIOS [feed,search,ingest] (any of them, comma-separated)
#   FEED_VUS [16] FEED_SECONDS [15]  SEARCH_VUS [8] SEARCH_SECONDS [15]  VIEW_VUS [16] VIEW_SECONDS [30]
#   WARMUP_SECONDS [10]  EPISODES [100000]  VIEWS [10000000]  FEED_CACHE [0]
#   HTTP_PORT [18084]  PG_PORT [55436]  SKIP_BUILD [0]  WAIT_FOR_OTHERS [1], WAIT_MAX_SECONDS [3600]
set -Eeuo pipefail

SCENARIOS=${SCENARIOS:-feed,search,ingest}
FEED_VUS=${FEED_VUS:-16}
FEED_SECONDS=${FEED_SECONDS:-15}
SEARCH_VUS=${SEARCH_VUS:-8}
SEARCH_SECONDS=${SEARCH_SECONDS:-15}
VIEW_VUS=${VIEW_VUS:-16}
VIEW_SECONDS=${VIEW_SECONDS:-30}
WARMUP_SECONDS=${WARMUP_SECONDS:-10}
EPISODES=${EPISODES:-100000}
VIEWS=${VIEWS:-10000000}
FEED_CACHE=${FEED_CACHE:-0}
HTTP_PORT=${HTTP_PORT:-18084}
PG_PORT=${PG_PORT:-55436}
SKIP_BUILD=${SKIP_BUILD:-0}
WAIT_FOR_OTHERS=${WAIT_FOR_OTHERS:-1}
WAIT_MAX_SECONDS=${WAIT_MAX_SECONDS:-3600}

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
scenario() { [[ ",$SCENARIOS," == *",$1,"* ]]; }
for s in ${SCENARIOS//,/ }; do
    [[ "$s" =~ ^(feed|search|ingest)$ ]] || { echo "education.sh: unknown scenario $s (feed, search, ingest)" >&2; exit 1; }
done
bench_init education "$HTTP_PORT" "$PG_PORT" pgbench
bench_wait_for_others "LoadDriver|legalaid-bench|mediation-bench\.|reporting-bench\.|education-bench\."
RUN_STARTED=$(date +%s)
RESULTS_FILE="$RESULTS_DIR/education-$(date +%F-%H%M)-${SCENARIOS//,/+}.md"
COUNTY=532932000000

# ---------------------------------------------------------------------------------------------------------
bench_build
bench_start_app -Dapp.reporting.rollup-every=off -Dapp.education.feed-cached-pages="$FEED_CACHE"
staff_token() {
    local t
    t=$(curl -fsS "$BASE/api/auth/staff" -H 'Content-Type: application/json' \
        -d "{\"username\":\"$1\",\"password\":\"demo-pass-2026\"}" | token_of)
    [[ -n "$t" ]] || die "sign-in of $1 failed"
    echo "$t"
}


V="$BASE/api/videos"
DEMO_COLUMN=$(sql_value "select c.id from edu_column c join organisation o on o.id = c.organisation_id where c.name = '律师普法' and o.region_code = '$COUNTY'")
[[ -n "$DEMO_COLUMN" ]] || die "the demo column 《律师普法》 is missing"
DEMO_EPISODES=$(sql_value "select count(*) from edu_episode where column_id = '$DEMO_COLUMN' and status = 'PUBLISHED'")
log "demo column $DEMO_COLUMN with $DEMO_EPISODES published episodes"

# ---------------------------------------------------------------------------------------------------------
# the feed: a mini-program's first page (200, page built: cache off) and its repeat request (304)
FEED_URL="$V?limit=20"
if scenario feed; then
ETAG=$(curl -fsS -D - -o /dev/null "$FEED_URL" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
[[ -n "$ETAG" ]] || die "the feed sent no ETag"
code=$(curl -s -o /dev/null -w '%{http_code}' -H "If-None-Match: $ETAG" "$FEED_URL")
[[ "$code" == 304 ]] || die "If-None-Match answered $code, not 304"
run_load "feed latest, first page (200, page built)" "$FEED_VUS" "$WARMUP_SECONDS" get --url "$FEED_URL" \
    --duration "$FEED_SECONDS"
run_load "feed latest, If-None-Match (304)" "$FEED_VUS" "$WARMUP_SECONDS" get --url "$FEED_URL" \
    --header "If-None-Match: $ETAG" --expect 304 --duration "$FEED_SECONDS"
run_load "feed popular, first page (200, page built)" "$FEED_VUS" "$WARMUP_SECONDS" get --url "$V?sort=popular&limit=20" \
    --duration "$FEED_SECONDS"
run_load "feed topic=LABOUR_WAGES (200, page built)" "$FEED_VUS" "$WARMUP_SECONDS" get --url "$V?topic=LABOUR_WAGES&limit=20" \
    --duration "$FEED_SECONDS"
fi

# ---------------------------------------------------------------------------------------------------------
if scenario search || scenario ingest; then
log "seed $EPISODES episodes"
BUREAU_ORG=$(sql_value "select organisation_id from edu_column where id = '$DEMO_COLUMN'")
BENCH_COLUMN=$(sql_value "insert into edu_column (id, name, description, organisation_id, region_code, created_by, created_at, version)
    values (gen_random_uuid(), '基准栏目', 'bench/education.sh', '$BUREAU_ORG', '$COUNTY', gen_random_uuid(), now(), 0) returning id" | head -n 1)
t0=$(now)
sql -v rows="$EPISODES" -v column_id="$BENCH_COLUMN" -v region="$COUNTY" -f bench/seed-episodes.sql
t1=$(now)
sql -c "vacuum (analyze) edu_episode"
EPISODE_SEED_SECONDS=$(elapsed "$t0" "$t1")
EPISODE_SIZES=$(sql_value "select pg_size_pretty(pg_table_size('edu_episode')) || ' table, ' || pg_size_pretty(pg_relation_size('edu_episode_grams_idx')) || ' gram index'")
DIVORCE_ROWS=$(sql_value "select count(*) from edu_episode where status = 'PUBLISHED' and search_grams @> '{离婚}'")
LABOUR_ROWS=$(sql_value "select count(*) from edu_episode where status = 'PUBLISHED' and search_grams @> '{劳动,合同}' and strpos(search_text, '劳动合同') > 0")
log "seeded in $EPISODE_SEED_SECONDS s; $EPISODE_SIZES; 离婚 in $DIVORCE_ROWS, 劳动合同 in $LABOUR_ROWS episodes"
fi

# the search SQL as VideoFeed sends it for a first page (its title phase, which fills the page here), for
# pgbench and the plans
search_sql() { # QUERY GRAMS
    echo "select e.id, e.column_id, c.name as column_name, e.episode_no, e.title, e.duration_seconds, e.cover_url, e.topics, e.published_at, st.plays from (select e.id, e.column_id, e.episode_no, e.title, e.duration_seconds, e.cover_url, e.topics, e.published_at from edu_episode e where e.status = 'PUBLISHED' and e.search_grams @> '{$2}'::text[] and not exists (select 1 from unnest('{$1}'::text[]) s where strpos(e.search_text, s) = 0) and not exists (select 1 from unnest('{$1}'::text[]) s where strpos(e.search_title, s) = 0) order by e.published_at desc, e.id desc limit 21) e join edu_column c on c.id = e.column_id join edu_episode_stats st on st.episode_id = e.id order by e.published_at desc, e.id desc"
}
# the search SQL before the two phases (every match sorted by title hit, then latest; all bigrams), for the
# before/after comparison on the same data
old_search_sql() { # QUERY GRAMS
    echo "select e.id, e.column_id, c.name as column_name, e.episode_no, e.title, e.duration_seconds, e.cover_url, e.topics, e.published_at, st.plays, (not exists (select 1 from unnest('{$1}'::text[]) s where strpos(e.search_title, s) = 0)) as hit from edu_episode e join edu_column c on c.id = e.column_id join edu_episode_stats st on st.episode_id = e.id where e.status = 'PUBLISHED' and e.search_grams @> '{$2}'::text[] and not exists (select 1 from unnest('{$1}'::text[]) s where strpos(e.search_text, s) = 0) order by (not exists (select 1 from unnest('{$1}'::text[]) s where strpos(e.search_title, s) = 0)) desc, e.published_at desc, e.id desc limit 21"
}
if scenario search; then
Q2=$(printf '离婚' | od -An -tx1 | tr -d ' \n' | sed 's/../%&/g')
Q4=$(printf '劳动合同' | od -An -tx1 | tr -d ' \n' | sed 's/../%&/g')
run_load "search q=离婚 (2 characters), $EPISODES episodes" "$SEARCH_VUS" "$WARMUP_SECONDS" get --url "$V?q=$Q2&limit=20" \
    --duration "$SEARCH_SECONDS"
run_load "search q=劳动合同 (4 characters), $EPISODES episodes" "$SEARCH_VUS" "$WARMUP_SECONDS" get --url "$V?q=$Q4&limit=20" \
    --duration "$SEARCH_SECONDS"
PGBENCH_ROWS=()
for q in "离婚|离婚|离婚" "劳动合同|劳动,合同|劳动,动合,合同"; do
    text=${q%%|*}; rest=${q#*|}; grams=${rest%%|*}; old_grams=${rest#*|}
    for variant in new old; do
        if [[ $variant == new ]]; then search_sql "$text" "$grams"; else old_search_sql "$text" "$old_grams"; fi >"$WORK/search.sql"
        echo ';' >>"$WORK/search.sql"
        out=$(pgbench -n -h localhost -p "$PG_PORT" -U postgres -c "$SEARCH_VUS" -j 2 -T "$SEARCH_SECONDS" -M prepared \
            -r -f "$WORK/search.sql" postgres 2>&1) || die "pgbench failed: $out"
        tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$out" | head -n 1)
        lat=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<<"$out")
        label="same SQL in pgbench, q=$text"
        [[ $variant == old ]] && label="previous SQL (every match sorted) in pgbench, q=$text"
        log "$label: $tps tps, latency average $lat ms"
        PGBENCH_ROWS+=("| $label | $SEARCH_VUS | $SEARCH_SECONDS | | | $tps | avg $lat | | | | |")
    done
done
fi

# ---------------------------------------------------------------------------------------------------------
if scenario ingest; then
log "seed $VIEWS stored plays (edu_view + their ledger events, already aggregated)"
t0=$(now)
sql -v rows="$VIEWS" -v column_id="$BENCH_COLUMN" -v organisation="$BUREAU_ORG" -f bench/seed-views.sql >"$WORK/seed-views.log"
t1=$(now)
# the bulk load leaves the visibility map empty and the statistics stale: one vacuum analyze now, so that
# autovacuum does not start on 10 M rows in the middle of the load run
sql -c "vacuum (analyze) edu_view" -c "vacuum (analyze) ledger_event" -c "vacuum (analyze) edu_episode_daily" -c "vacuum (analyze) edu_episode_stats"
t2=$(now)
VIEW_SEED_SECONDS=$(elapsed "$t0" "$t1")
VIEW_VACUUM_SECONDS=$(elapsed "$t1" "$t2")
VIEW_ROWS=$(sql_value "select count(*) from edu_view")
LEDGER_ROWS=$(sql_value "select count(*) from ledger_event")
DAILY_ROWS=$(sql_value "select count(*) from edu_episode_daily")
VIEW_SIZES=$(sql_value "select pg_size_pretty(pg_total_relation_size('edu_view')) || ' edu_view with indexes, ' || pg_size_pretty(pg_total_relation_size('ledger_event')) || ' ledger_event with indexes, ' || pg_size_pretty(pg_total_relation_size('edu_episode_daily')) || ' edu_episode_daily with indexes'")
log "seeded in $VIEW_SEED_SECONDS s (+ vacuum analyze $VIEW_VACUUM_SECONDS s): $VIEW_ROWS view rows, $LEDGER_ROWS ledger events, $DAILY_ROWS daily rows; $VIEW_SIZES"
ADMIN_TOKEN=$(staff_token admin)
t0=$(now)
AGGREGATED=$(curl -fsS -X POST "$BASE/api/education/aggregation" -H "Authorization: Bearer $ADMIN_TOKEN" --max-time 900)
t1=$(now)
AGGREGATION_SECONDS=$(elapsed "$t0" "$t1")
log "view aggregation right after seeding (the seeded events are already aggregated): $AGGREGATED in $AGGREGATION_SECONDS s"

# each report is a new device: a counted play (insert into edu_view + one ledger event), the expensive case
sql_value "select id from edu_episode where column_id = '$BENCH_COLUMN' order by id limit 2000" \
    | sed "s|^|$V/|; s|$|/views|" >"$WORK/episodes.urls"
echo '{"deviceId":"{device}","progressPercent":95}' >"$WORK/view.json"
EVENTS_BEFORE=$(sql_value "select count(*) from ledger_event")
run_load "view report, new device (play + completion), $VIEW_ROWS stored" "$VIEW_VUS" "$WARMUP_SECONDS" post-json \
    --urls "$WORK/episodes.urls" --body "$WORK/view.json" --expect 200 --duration "$VIEW_SECONDS"
INGESTED=$(( $(sql_value "select count(*) from edu_view") - VIEW_ROWS ))
INGEST_RPS=$(sed -n 's/^| view report[^|]*| [^|]*| [^|]*| [^|]*| [^|]*| \([0-9.]*\) |.*/\1/p' <<<"${ROWS_MD[-1]}")

# reference: what ViewingService.view sends for a new device (the episode lookup, the upsert, the completion,
# two ledger events) in one transaction, from pgbench, same database, same clients, right after the HTTP run
sql -c "create table bench_view_target as select row_number() over (order by e.id) as n, e.id, e.column_id, e.region_code, c.organisation_id from edu_episode e join edu_column c on c.id = e.column_id where e.column_id = '$BENCH_COLUMN' order by e.id limit 2000" \
    -c "create unique index on bench_view_target (n)" -c "create sequence bench_view_device"
cat >"$WORK/view.sql" <<'PGB'
\set n random(1, 2000)
begin;
select t.column_id, t.region_code, t.organisation_id from bench_view_target t join edu_episode e on e.id = t.id where t.n = :n and e.status = 'PUBLISHED';
insert into edu_view as v (episode_id, device_id, view_day, column_id, region_code, progress, first_at, last_at) select t.id, 'pgbench-' || nextval('bench_view_device'), (now() at time zone 'Asia/Shanghai')::date, t.column_id, t.region_code, 95, now(), now() from bench_view_target t where t.n = :n on conflict (episode_id, device_id, view_day) do update set progress = greatest(v.progress, excluded.progress), last_at = excluded.last_at returning (v.xmax::text = '0') as inserted, v.progress, v.device_id \gset
update edu_view set completed_at = now() where episode_id = (select id from bench_view_target where n = :n) and device_id = :device_id and view_day = (now() at time zone 'Asia/Shanghai')::date and completed_at is null and progress >= 90;
insert into ledger_event (kind, region_code, organisation_id, occurred_at, quantity, source_type, source_id, recorded_at) select 'EDUCATION_VIDEO_PLAY', t.region_code, t.organisation_id, now(), 1, 'edu_episode', t.id, now() from bench_view_target t where t.n = :n;
insert into ledger_event (kind, region_code, organisation_id, occurred_at, quantity, source_type, source_id, recorded_at) select 'EDUCATION_VIDEO_COMPLETED', t.region_code, t.organisation_id, now(), 1, 'edu_episode', t.id, now() from bench_view_target t where t.n = :n;
commit;
PGB
cpu_start
out=$(pgbench -n -h localhost -p "$PG_PORT" -U postgres -c "$VIEW_VUS" -j 2 -T "$VIEW_SECONDS" -M prepared \
    -f "$WORK/view.sql" postgres 2>&1) || die "pgbench failed: $out"
PGB_CPU=$(cpu_end 0)
INGEST_TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$out" | head -n 1)
INGEST_LAT=$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<<"$out")
INGEST_RATIO=$(awk -v a="$INGEST_RPS" -v b="$INGEST_TPS" 'BEGIN { if (b > 0) printf "%.0f%%", 100 * a / b; else print "n/a" }')
log "pgbench view transaction: $INGEST_TPS tps, latency average $INGEST_LAT ms (CPU $PGB_CPU, pgbench counted as other); the app reached $INGEST_RATIO of it"
PGBENCH_ROWS+=("| same statements in pgbench, view report of a new device | $VIEW_VUS | $VIEW_SECONDS | | | $INGEST_TPS | avg $INGEST_LAT | | | | $PGB_CPU (pgbench in other) |")
sql -c "drop table bench_view_target" -c "drop sequence bench_view_device"
AGGREGATION_AFTER=$(curl -fsS -X POST "$BASE/api/education/aggregation" -H "Authorization: Bearer $ADMIN_TOKEN" --max-time 900)
log "aggregation after the runs: $AGGREGATION_AFTER"
fi
if scenario feed && scenario search; then
run_load "feed latest after the views (200, page built)" "$FEED_VUS" "$WARMUP_SECONDS" get --url "$FEED_URL" \
    --duration "$FEED_SECONDS"
fi

# ---------------------------------------------------------------------------------------------------------
log "query plans"
PLAN_SQL=()
if scenario search; then
    PLAN_SQL+=("search 离婚 (first page)|$(search_sql 离婚 离婚)"
               "search 劳动合同 (first page)|$(search_sql 劳动合同 劳动,合同)"
               "previous search SQL, 离婚 (first page)|$(old_search_sql 离婚 离婚)")
fi
PLAN_SQL+=(
    "feed latest, first page|select e.id, e.title, e.published_at, st.plays from edu_episode e join edu_column c on c.id = e.column_id join edu_episode_stats st on st.episode_id = e.id where e.status = 'PUBLISHED' order by e.published_at desc, e.id desc limit 21"
    "feed popular, first page|select e.id, e.title, e.published_at, st.plays from edu_episode e join edu_column c on c.id = e.column_id join edu_episode_stats st on st.episode_id = e.id where e.status = 'PUBLISHED' order by st.plays desc, st.episode_id desc limit 21"
)
if scenario ingest; then
    PLAN_SQL+=("figures: 观看人数 of the county this year (distinct devices)|select count(distinct device_id) from edu_view where region_code >= '532932' and region_code < '532932:' and view_day between date_trunc('year', now())::date and now()::date")
fi
PLANS=""
for entry in "${PLAN_SQL[@]}"; do
    title=${entry%%|*}
    query=${entry#*|}
    plan=$(sql -c "explain (analyze, buffers) $query")
    PLANS+=$'\n'"#### $title"$'\n\n```sql\n'"$query;"$'\n```\n\n```text\n'"$plan"$'\n```\n'
    printf '\n-- %s\n%s\n' "$title" "$(grep -E 'Index|Scan|Execution' <<<"$plan" | head -n 8)"
done

# ---------------------------------------------------------------------------------------------------------
PG_VERSION=$(sql_value "select current_setting('server_version')")
PG_SETTINGS=$(sql_value "select string_agg(name || '=' || setting || coalesce(unit, ''), ', ' order by name) from pg_settings where name in ('shared_buffers', 'work_mem', 'synchronous_commit', 'fsync', 'max_connections')")
CPU=$(grep -m 1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)
MEM=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || true)
JAVA=$(java -version 2>&1 | head -n 1)
COMMIT=$(git rev-parse --short HEAD 2>/dev/null || echo "n/a")
[[ "$COMMIT" != "n/a" && -n "$(git status --porcelain -- src pom.xml 2>/dev/null)" ]] && COMMIT+=" (uncommitted changes)"
RUN_SECONDS=$(( $(date +%s) - RUN_STARTED ))

mkdir -p "$RESULTS_DIR"
{
    echo "# 普法 video benchmark, $(date '+%F %H:%M %Z')"
    echo
    echo "Machine: $(nproc) cores ($CPU), $MEM; $JAVA; PostgreSQL $PG_VERSION embedded ($PG_SETTINGS)."
    echo "Commit: $COMMIT. App, database and load driver share the machine; another engineer's build may run at"
    echo "the same time on these 2 cores (the \"other\" share of the CPU column shows it). Load average before the run: $LOAD_BEFORE."
    echo "Whole run (build included): $((RUN_SECONDS / 60)) min $((RUN_SECONDS % 60)) s."
    echo
    echo "Parameters: SCENARIOS=$SCENARIOS FEED_VUS=$FEED_VUS FEED_SECONDS=$FEED_SECONDS SEARCH_VUS=$SEARCH_VUS SEARCH_SECONDS=$SEARCH_SECONDS VIEW_VUS=$VIEW_VUS VIEW_SECONDS=$VIEW_SECONDS WARMUP_SECONDS=$WARMUP_SECONDS EPISODES=$EPISODES VIEWS=$VIEWS FEED_CACHE=$FEED_CACHE (0: every 200 builds its page)"
    echo
    echo "$TABLE_HEAD"
    printf '%s\n' "${ROWS_MD[@]}"
    printf '%s\n' "${PGBENCH_ROWS[@]}"
    echo
    if scenario feed; then
        echo "The feed runs are over the demo column ($DEMO_EPISODES episodes) before seeding; \"after the views\" with $EPISODES more."
    fi
    if scenario search || scenario ingest; then
        echo "Episodes: $EPISODES in $EPISODE_SEED_SECONDS s (one INSERT … SELECT, grams computed in SQL); $EPISODE_SIZES;"
        echo "离婚 is in $DIVORCE_ROWS of them, 劳动合同 in $LABOUR_ROWS (a first page is the latest 20 title hits, read in"
        echo "latest order; the other matches only when the title hits do not fill the page)."
    fi
    if scenario ingest; then
        echo "Stored plays: $VIEW_ROWS edu_view rows, $LEDGER_ROWS ledger events and $DAILY_ROWS per-episode-day rows after seeding"
        echo "($VIEW_SEED_SECONDS s in one transaction, indexes rebuilt after the load, marked as aggregated; vacuum analyze $VIEW_VACUUM_SECONDS s); $VIEW_SIZES."
        echo "View aggregation right after seeding (POST /api/education/aggregation): $AGGREGATED in $AGGREGATION_SECONDS s; after the runs: $AGGREGATION_AFTER."
        echo "The view-report run stored $INGESTED new plays (each also a completion: two ledger events); the app reached $INGEST_RATIO"
        echo "of pgbench's rate for the same statements (pgbench: $INGEST_TPS tps)."
    fi
    echo
    echo "### Query plans (explain (analyze, buffers), after the runs)"
    echo "$PLANS"
} >"$RESULTS_FILE"

log "results (also in $RESULTS_FILE)"
printf '\n%s\n' "$TABLE_HEAD"
printf '%s\n' "${ROWS_MD[@]}"
printf '%s\n' "${PGBENCH_ROWS[@]}"
printf 'whole run: %d min %d s\n' "$((RUN_SECONDS / 60))" "$((RUN_SECONDS % 60))"
