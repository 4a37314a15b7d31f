#!/usr/bin/env bash
# Mediation (掌上调解) benchmark: dispute submission throughput, then the mediator's case list with one
# million disputes.
#
#   bash bench/mediation.sh           # from the project root; needs a JDK 17, curl and psql (any recent client)
#
# Builds the app, starts it (dev profile: embedded PostgreSQL 17 + demo county + fake WeChat login) on a fresh
# temporary data folder, drives it with bench/LoadDriver.java, seeds ROWS disputes with psql
# (bench/seed-disputes.sql), and writes the figures to bench/results/mediation-<date>.md. Everything it starts
# is stopped and the temporary folder is removed on exit, also on failure or Ctrl-C. The ports differ from
# bench/legalaid.sh's, but on a 2-core machine the two must not run at the same time: the script first waits
# (checking every 20 s) until no other benchmark (LoadDriver, legalaid.sh) is running.
# Knobs (environment variables, defaults in brackets):
#   SUBMIT_VUS [16] SUBMIT_SECONDS [30]  LIST_VUS [16] LIST_SECONDS [15]  WARMUP_SECONDS [5]
#   SUBMIT_WARMUP_SECONDS [60], LIST_WARMUP_SECONDS [15]: unmeasured load before the first submission and the
#   first list run, so that the JIT has compiled those paths; later runs use WARMUP_SECONDS
#   ROWS [1000000]  DEEP_PAGES [50]  DEEP_ROW [10000] (a cursor after that row of the mediator's queue)
#   HTTP_PORT [18081]  PG_PORT [55433]  SKIP_BUILD [0]  RESULTS_TAG [] (results file mediation-<date>-<tag>.md)
#   SUBMIT_AFTER_SEED [1]: measure submission a second time with the seeded rows in the table
#   WAIT_FOR_OTHERS [1], WAIT_MAX_SECONDS [3600]: wait for other benchmarks to finish before starting
set -Eeuo pipefail

SUBMIT_VUS=${SUBMIT_VUS:-16}
SUBMIT_SECONDS=${SUBMIT_SECONDS:-30}
LIST_VUS=${LIST_VUS:-16}
LIST_SECONDS=${LIST_SECONDS:-15}
WARMUP_SECONDS=${WARMUP_SECONDS:-5}
SUBMIT_WARMUP_SECONDS=${SUBMIT_WARMUP_SECONDS:-60}
LIST_WARMUP_SECONDS=${LIST_WARMUP_SECONDS:-15}
ROWS=${ROWS:-1000000}
DEEP_PAGES=${DEEP_PAGES:-50}
DEEP_ROW=${DEEP_ROW:-10000}
HTTP_PORT=${HTTP_PORT:-18081}
PG_PORT=${PG_PORT:-55433}
SKIP_BUILD=${SKIP_BUILD:-0}
SUBMIT_AFTER_SEED=${SUBMIT_AFTER_SEED:-1}
WAIT_FOR_OTHERS=${WAIT_FOR_OTHERS:-1}
WAIT_MAX_SECONDS=${WAIT_MAX_SECONDS:-3600}

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_init mediation "$HTTP_PORT" "$PG_PORT"
bench_wait_for_others "LoadDriver|legalaid-bench|mediation-bench\.|reporting-bench\."
RUN_STARTED=$(date +%s)
RESULTS_FILE=$(bench_results_file mediation)
VILLAGE=532932100201          # demo village 云鹤镇 …; its committee's mediator is mediator1-3
MEDIATOR=mediator1-3
OFFICE=office1                # 云鹤镇司法所 (township 532932100000)

# ---------------------------------------------------------------------------------------------------------
bench_build
bench_start_app
staff_token() {
    local t
    t=$(curl -fsS "$BASE/api/auth/staff" -H 'Content-Type: application/json' \
        -d "{\"username\":\"$1\",\"password\":\"demo-pass-2026\"}" | token_of)
    [[ -n "$t" ]] || die "sign-in of $1 failed"
    echo "$t"
}

log "sign in resident01 … resident10"
: >"$WORK/residents.tokens"
for i in $(seq -w 1 10); do
    token=$(curl -fsS "$BASE/api/auth/wechat" -H 'Content-Type: application/json' -d "{\"code\":\"resident$i\"}" | token_of)
    [[ -n "$token" ]] || die "sign-in of resident$i failed"
    echo "$token" >>"$WORK/residents.tokens"
done
cat >"$WORK/dispute.json" <<JSON
{"disputeType":"NEIGHBOUR","facts":"邻居修建围墙占用通道","claims":"拆除占道部分","amount":"3000.00","otherParties":[{"kind":"PERSON","name":"杨建华","phone":"13908725678"}],"villageCode":"$VILLAGE","preferredMode":"IN_PERSON"}
JSON

D="$BASE/api/mediation/disputes"
run_load "submit dispute (POST, 201)" "$SUBMIT_VUS" "$SUBMIT_WARMUP_SECONDS" post-json --url "$D" \
    --body "$WORK/dispute.json" --tokens "$WORK/residents.tokens" --duration "$SUBMIT_SECONDS" --expect 201
SUBMITTED_ROWS=$(sql_value "select count(*) from med_dispute")

# ---------------------------------------------------------------------------------------------------------
log "seed $ROWS disputes"
t0=$(now)
sql -v rows="$ROWS" -f bench/seed-disputes.sql
t1=$(now)
sql -c "vacuum (analyze) med_dispute"
t2=$(now)
SEED_SECONDS=$(elapsed "$t0" "$t1")
VACUUM_SECONDS=$(elapsed "$t1" "$t2")
TOTAL_ROWS=$(sql_value "select count(*) from med_dispute")
SIZES=$(sql_value "select pg_size_pretty(pg_table_size('med_dispute')) || ' table, ' || pg_size_pretty(pg_indexes_size('med_dispute')) || ' indexes'")
COMMITTEE=$(sql_value "select id from organisation where type = 'MEDIATION_COMMITTEE' and region_code = '$VILLAGE'")
MEDIATOR_ORG=$(sql_value "select a.organisation_id from account a join staff_credential c on c.account_id = a.id where c.username = '$MEDIATOR'")
[[ "$MEDIATOR_ORG" == "$COMMITTEE" ]] || die "$MEDIATOR is not a mediator of the committee of $VILLAGE ($MEDIATOR_ORG vs $COMMITTEE)"
OPEN="('SUBMITTED', 'ACCEPTED', 'IN_MEDIATION', 'AGREEMENT_PENDING')"
COMMITTEE_COUNTS=$(sql_value "select count(*) || ' rows, ' || count(*) filter (where status in $OPEN) || ' open (' ||
    count(*) filter (where status in $OPEN and current_due_at is not null) || ' with a time limit, ' ||
    count(*) filter (where status in $OPEN and current_due_at < now()) || ' overdue, ' ||
    count(*) filter (where status = 'SUBMITTED') || ' SUBMITTED without one, ' ||
    count(*) filter (where status = 'SUBMITTED' and reference not like 'BENCHM-%') || ' of them from the submission runs)'
    from med_dispute where committee_id = '$COMMITTEE'")
STATUS_MIX=$(sql_value "select string_agg(status || ' ' || pct || '%', ', ' order by n desc) from (select status, count(*) n, round(100.0 * count(*) / sum(count(*)) over (), 1) pct from med_dispute group by status) s")
log "seeded in $SEED_SECONDS s (+ vacuum analyze $VACUUM_SECONDS s); $TOTAL_ROWS rows, $SIZES"
log "the demo committee ($VILLAGE): $COMMITTEE_COUNTS"

if [[ "$SUBMIT_AFTER_SEED" == 1 ]]; then
    run_load "submit dispute, $TOTAL_ROWS rows in table" "$SUBMIT_VUS" "$WARMUP_SECONDS" post-json --url "$D" \
        --body "$WORK/dispute.json" --tokens "$WORK/residents.tokens" --duration "$SUBMIT_SECONDS" --expect 201
fi

# ---------------------------------------------------------------------------------------------------------
log "mediator's case list ($MEDIATOR)"
MEDIATOR_TOKEN=$(staff_token "$MEDIATOR")
# a cursor positioned after row DEEP_ROW of the committee's dated queue (the format of shared/persistence/Cursor)
DEEP_KEY=$(sql_value "select to_char(current_due_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"') || ' ' || id
    from med_dispute where committee_id = '$COMMITTEE' and status in $OPEN and current_due_at is not null
    order by current_due_at, id offset $((DEEP_ROW - 1)) limit 1")
[[ -n "$DEEP_KEY" ]] || die "the committee's queue has fewer than $DEEP_ROW rows with a time limit (lower DEEP_ROW)"
DEEP_CURSOR=$(printf 'v1\037%s\037%s' "${DEEP_KEY% *}" "${DEEP_KEY#* }" | base64 -w 0 | tr '+/' '-_' | tr -d '=')
curl -fsS -o /dev/null "$D?limit=20&cursor=$DEEP_CURSOR" -H "Authorization: Bearer $MEDIATOR_TOKEN" \
    || die "the deep cursor was refused"
# the undated phase (SUBMITTED disputes have no time limit yet) must be reached too: a cursor into it works
curl -fsS "$D?limit=20&status=SUBMITTED" -H "Authorization: Bearer $MEDIATOR_TOKEN" | grep -q '"nextCursor"' \
    || die "?status=SUBMITTED returned no next page"

run_load "mediator list, first page" "$LIST_VUS" "$LIST_WARMUP_SECONDS" get --url "$D?limit=20" \
    --token "$MEDIATOR_TOKEN" --duration "$LIST_SECONDS"
run_load "mediator list, overdue=true" "$LIST_VUS" "$WARMUP_SECONDS" get --url "$D?overdue=true&limit=20" \
    --token "$MEDIATOR_TOKEN" --duration "$LIST_SECONDS"
run_load "mediator list, status=IN_MEDIATION" "$LIST_VUS" "$WARMUP_SECONDS" get --url "$D?status=IN_MEDIATION&limit=20" \
    --token "$MEDIATOR_TOKEN" --duration "$LIST_SECONDS"
run_load "mediator list, status=SUBMITTED (undated phase)" "$LIST_VUS" "$WARMUP_SECONDS" get \
    --url "$D?status=SUBMITTED&limit=20" --token "$MEDIATOR_TOKEN" --duration "$LIST_SECONDS"
run_load "mediator list, pages 1-$DEEP_PAGES via nextCursor" "$LIST_VUS" "$WARMUP_SECONDS" get --url "$D?limit=20" \
    --token "$MEDIATOR_TOKEN" --follow-cursor --pages "$DEEP_PAGES" --duration "$LIST_SECONDS"
run_load "mediator list, one page after row $DEEP_ROW" "$LIST_VUS" "$WARMUP_SECONDS" get \
    --url "$D?limit=20&cursor=$DEEP_CURSOR" --token "$MEDIATOR_TOKEN" --duration "$LIST_SECONDS"
# the same list for the township's 司法所 and the county's 司法局: scoped by region code range, not committee
OFFICE_TOKEN=$(staff_token "$OFFICE")
run_load "司法所 ($OFFICE) list, first page" "$LIST_VUS" "$WARMUP_SECONDS" get --url "$D?limit=20" \
    --token "$OFFICE_TOKEN" --duration "$LIST_SECONDS"
BUREAU_TOKEN=$(staff_token bureau)
run_load "司法局 (bureau) list, first page" "$LIST_VUS" "$WARMUP_SECONDS" get --url "$D?limit=20" \
    --token "$BUREAU_TOKEN" --duration "$LIST_SECONDS"

# ---------------------------------------------------------------------------------------------------------
log "query plans"
# the SQL Hibernate sends for the list (DisputeQueries.list + DeadlineOrder: a dated phase by
# (current_due_at, id), then, when it returns fewer than limit + 1 rows, an undated phase by id), with literals
PAGE_KEY=$(sql_value "select to_char(current_due_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US+00') || '|' || id
    from med_dispute where committee_id = '$COMMITTEE' and status in $OPEN and current_due_at is not null
    order by current_due_at, id offset $((DEEP_PAGES * 20 - 1)) limit 1")
DEEP_KEY_SQL=$(sql_value "select to_char(current_due_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.US+00') || '|' || id
    from med_dispute where committee_id = '$COMMITTEE' and status in $OPEN and current_due_at is not null
    order by current_due_at, id offset $((DEEP_ROW - 1)) limit 1")
after() { local due=${1%|*} id=${1#*|}; echo "(d.current_due_at, d.id) > ('$due', '$id')"; }
COLS="select * from med_dispute d"
MINE="d.committee_id = '$COMMITTEE'"
OFFICE_SCOPE="(d.region_code >= '532932100' and d.region_code < '532932100:')"
BUREAU_SCOPE="(d.region_code >= '532932' and d.region_code < '532932:')"
DATED="d.current_due_at is not null order by d.current_due_at, d.id limit 21"
UNDATED="d.current_due_at is null order by d.id limit 21"
PLAN_SQL=(
    "mediator first page, dated phase|$COLS where $MINE and d.status in $OPEN and $DATED"
    "mediator first page, undated phase|$COLS where $MINE and d.status in $OPEN and $UNDATED"
    "mediator overdue=true, dated phase|$COLS where $MINE and d.status in $OPEN and d.current_due_at < now() and $DATED"
    "mediator status=IN_MEDIATION, dated phase|$COLS where $MINE and d.status = 'IN_MEDIATION' and $DATED"
    "mediator status=SUBMITTED, dated phase (SUBMITTED has no time limit: returns nothing)|$COLS where $MINE and d.status = 'SUBMITTED' and $DATED"
    "mediator status=SUBMITTED, undated phase|$COLS where $MINE and d.status = 'SUBMITTED' and $UNDATED"
    "mediator page $((DEEP_PAGES + 1)) (cursor after row $((DEEP_PAGES * 20))), dated phase|$COLS where $MINE and d.status in $OPEN and $(after "$PAGE_KEY") and $DATED"
    "mediator cursor after row $DEEP_ROW, dated phase|$COLS where $MINE and d.status in $OPEN and $(after "$DEEP_KEY_SQL") and $DATED"
    "司法所 ($OFFICE) first page, dated phase|$COLS where $OFFICE_SCOPE and d.status in $OPEN and $DATED"
    "司法局 (bureau) first page, dated phase|$COLS where $BUREAU_SCOPE and d.status in $OPEN and $DATED"
    "司法局 (bureau) undated phase|$COLS where $BUREAU_SCOPE and d.status in $OPEN and $UNDATED"
)
PLANS=""
for entry in "${PLAN_SQL[@]}"; do
    title=${entry%%|*}
    query=${entry#*|}
    plan=$(sql -c "explain (analyze, buffers) $query")
    PLANS+=$'\n'"#### $title"$'\n\n```sql\n'"$query;"$'\n```\n\n```text\n'"$plan"$'\n```\n'
    if [[ "$title" == "mediator first page, "* ]]; then
        printf '\n-- %s\n%s;\n%s\n' "$title" "$query" "$plan"
    fi
done

# the prepared statements as Hibernate sends them (status in $n.. as parameters); if PostgreSQL switched to a
# generic plan, could it still use the partial indexes over open cases?
GENERIC_SQL=(
    "mediator, dated phase|select * from med_dispute d where (d.committee_id = \$1) and d.status in (\$2, \$3, \$4, \$5) and d.current_due_at is not null order by d.current_due_at, d.id offset \$6 rows fetch first \$7 rows only"
    "司法局, dated phase|select * from med_dispute d where ((d.region_code >= \$1 and d.region_code < \$2)) and d.status in (\$3, \$4, \$5, \$6) and d.current_due_at is not null order by d.current_due_at, d.id offset \$7 rows fetch first \$8 rows only"
)
PLANS+=$'\n'"### Generic plans (explain (generic_plan))"$'\n'
for entry in "${GENERIC_SQL[@]}"; do
    title=${entry%%|*}
    query=${entry#*|}
    plan=$(sql -c "explain (generic_plan) $query")
    PLANS+=$'\n'"#### $title"$'\n\n```sql\n'"$query;"$'\n```\n\n```text\n'"$plan"$'\n```\n'
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
    echo "# Mediation benchmark, $(date '+%F %H:%M %Z')"
    echo
    echo "Machine: $(nproc) cores ($CPU), $MEM; $JAVA; PostgreSQL $PG_VERSION embedded ($PG_SETTINGS)."
    echo "Commit: $COMMIT. App, database and load driver share the machine. Load average before the run: $LOAD_BEFORE."
    echo "Whole run (build included): $((RUN_SECONDS / 60)) min $((RUN_SECONDS % 60)) s."
    echo
    echo "Parameters: SUBMIT_VUS=$SUBMIT_VUS SUBMIT_SECONDS=$SUBMIT_SECONDS SUBMIT_WARMUP_SECONDS=$SUBMIT_WARMUP_SECONDS LIST_WARMUP_SECONDS=$LIST_WARMUP_SECONDS LIST_VUS=$LIST_VUS LIST_SECONDS=$LIST_SECONDS WARMUP_SECONDS=$WARMUP_SECONDS ROWS=$ROWS DEEP_PAGES=$DEEP_PAGES DEEP_ROW=$DEEP_ROW"
    echo "Submission: residents resident01…resident10, village $VILLAGE. Lists: $MEDIATOR (the committee of $VILLAGE), $OFFICE, bureau."
    echo
    echo "$TABLE_HEAD"
    printf '%s\n' "${ROWS_MD[@]}"
    echo
    echo "Submission leaves $SUBMITTED_ROWS disputes (SUBMITTED, no time limit) in the table before seeding."
    echo "Seeding: $ROWS rows in $SEED_SECONDS s (one INSERT … SELECT, all indexes and foreign keys in place),"
    echo "then vacuum (analyze) in $VACUUM_SECONDS s; $TOTAL_ROWS rows, $SIZES."
    echo "The demo committee ($VILLAGE) after the runs: $(sql_value "select count(*) || ' rows, ' || count(*) filter (where status in $OPEN) || ' open (' ||
        count(*) filter (where status in $OPEN and current_due_at is not null) || ' with a time limit, ' ||
        count(*) filter (where status = 'SUBMITTED') || ' SUBMITTED without one, ' ||
        count(*) filter (where status = 'SUBMITTED' and reference not like 'BENCHM-%') || ' of them from the submission runs)'
        from med_dispute where committee_id = '$COMMITTEE'")."
    echo "Status mix: $STATUS_MIX."
    echo
    echo "### Query plans (explain (analyze, buffers), run after the load, with the literals of this run)"
    echo "$PLANS"
} >"$RESULTS_FILE"

log "results (also in $RESULTS_FILE)"
printf '\n%s\n' "$TABLE_HEAD"
printf '%s\n' "${ROWS_MD[@]}"
printf '\nseeding: %s rows in %s s, vacuum analyze %s s; %s\n' "$ROWS" "$SEED_SECONDS" "$VACUUM_SECONDS" "$SIZES"
printf 'whole run: %d min %d s\n' "$((RUN_SECONDS / 60))" "$((RUN_SECONDS % 60))"
