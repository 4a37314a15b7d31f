#!/usr/bin/env bash
# Legal-aid benchmark: submission throughput, then the officer queue with one million applications.
#
#   bash bench/legalaid.sh            # from the project root; needs a JDK 17, curl and psql (any recent client)
#
# Builds the app, starts it (dev profile: embedded PostgreSQL 17 + demo county + fake WeChat login) on a fresh
# temporary data folder, drives it with bench/LoadDriver.java, seeds ROWS applications with psql, and writes
# the figures to bench/results/legalaid-<date>.md. Everything it starts is stopped and the temporary folder is
# removed on exit, also on failure or Ctrl-C. Knobs (environment variables, defaults in brackets):
#   SUBMIT_VUS [16] SUBMIT_SECONDS [30]  QUEUE_VUS [16] QUEUE_SECONDS [20]  WARMUP_SECONDS [5]
#   SUBMIT_WARMUP_SECONDS [60], QUEUE_WARMUP_SECONDS [15]: unmeasured load before the first submission and the
#   first queue run, so that the JIT has compiled those paths (on 2 cores submission keeps getting faster for
#   about 90 s after start-up; the queue GET settles within ~10 s); later runs use WARMUP_SECONDS
#   ROWS [1000000]  DEEP_PAGES [50]  DEEP_ROW [100000]  HTTP_PORT [18080]  PG_PORT [55432]  SKIP_BUILD [0]
#   RESULTS_TAG []: appended to the results file name (legalaid-<date>-<tag>.md)
#   SUBMIT_AFTER_SEED [1]: measure submission a second time with the seeded rows in the table
set -Eeuo pipefail

SUBMIT_VUS=${SUBMIT_VUS:-16}
SUBMIT_SECONDS=${SUBMIT_SECONDS:-30}
QUEUE_VUS=${QUEUE_VUS:-16}
QUEUE_SECONDS=${QUEUE_SECONDS:-20}
WARMUP_SECONDS=${WARMUP_SECONDS:-5}
SUBMIT_WARMUP_SECONDS=${SUBMIT_WARMUP_SECONDS:-60}
QUEUE_WARMUP_SECONDS=${QUEUE_WARMUP_SECONDS:-15}
ROWS=${ROWS:-1000000}
DEEP_PAGES=${DEEP_PAGES:-50}
DEEP_ROW=${DEEP_ROW:-100000}
HTTP_PORT=${HTTP_PORT:-18080}
PG_PORT=${PG_PORT:-55432}
SKIP_BUILD=${SKIP_BUILD:-0}
SUBMIT_AFTER_SEED=${SUBMIT_AFTER_SEED:-1}

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_init legalaid "$HTTP_PORT" "$PG_PORT"
RESULTS_FILE=$(bench_results_file legalaid)

# ---------------------------------------------------------------------------------------------------------
bench_build
# the 视为撤回 job (DeadlineJobs) off: from one minute after start-up it would withdraw the seeded
# MATERIALS_REQUESTED applications whose materials are overdue (~0.5 % of ROWS) batch by batch, changing the
# queue while the script reads its keys and cursors (a cursor built from a row withdrawn meanwhile is a 400)
bench_start_app -Dapp.legalaid.deadline-job-every=off

log "sign in resident01 … resident10"
: >"$WORK/residents.tokens"
for i in $(seq -w 1 10); do
    token=$(curl -fsS "$BASE/api/auth/wechat" -H 'Content-Type: application/json' -d "{\"code\":\"resident$i\"}" | token_of)
    [[ -n "$token" ]] || die "sign-in of resident$i failed"
    echo "$token" >>"$WORK/residents.tokens"
done
cat >"$WORK/application.json" <<'JSON'
{"matter":"LABOUR_RELATIONSHIP_OR_WAGES","serviceType":"LABOUR_MEDIATION_ARBITRATION","summary":"拖欠工资","opposingParty":"某公司","amountInDispute":"18600.00","regionCode":"532932100201","finances":{"householdMembers":4,"monthlyHouseholdIncome":"2400.00","financialAssets":"3000","ownsNonEssentialProperty":false}}
JSON

run_load "submit application (POST, 201)" "$SUBMIT_VUS" "$SUBMIT_WARMUP_SECONDS" post-json --url "$BASE/api/aid/applications" \
    --body "$WORK/application.json" --tokens "$WORK/residents.tokens" --duration "$SUBMIT_SECONDS" --expect 201
SUBMITTED_ROWS=$(sql_value "select count(*) from aid_application")

# ---------------------------------------------------------------------------------------------------------
log "seed $ROWS applications"
t0=$(now)
sql -v rows="$ROWS" -f bench/seed-applications.sql
t1=$(now)
sql -c "vacuum (analyze) aid_application"
t2=$(now)
SEED_SECONDS=$(elapsed "$t0" "$t1")
VACUUM_SECONDS=$(elapsed "$t1" "$t2")
TOTAL_ROWS=$(sql_value "select count(*) from aid_application")
SIZES=$(sql_value "select pg_size_pretty(pg_table_size('aid_application')) || ' table, ' || pg_size_pretty(pg_indexes_size('aid_application')) || ' indexes'")
CENTRE=$(sql_value "select id from organisation where type = 'LEGAL_AID_CENTRE' and region_code = '532932000000'")
CENTRE_ROWS=$(sql_value "select count(*) from aid_application where centre_id = '$CENTRE'")
STATUS_MIX=$(sql_value "select string_agg(status || ' ' || pct || '%', ', ' order by n desc) from (select status, count(*) n, round(100.0 * count(*) / sum(count(*)) over (), 1) pct from aid_application group by status) s")
log "seeded in $SEED_SECONDS s (+ vacuum analyze $VACUUM_SECONDS s); $TOTAL_ROWS rows, $SIZES"

if [[ "$SUBMIT_AFTER_SEED" == 1 ]]; then
    run_load "submit application, $TOTAL_ROWS rows in table" "$SUBMIT_VUS" "$WARMUP_SECONDS" post-json --url "$BASE/api/aid/applications" \
        --body "$WORK/application.json" --tokens "$WORK/residents.tokens" --duration "$SUBMIT_SECONDS" --expect 201
fi

# ---------------------------------------------------------------------------------------------------------
log "officer queue"
STAFF_TOKEN=$(curl -fsS "$BASE/api/auth/staff" -H 'Content-Type: application/json' \
    -d '{"username":"aid-officer","password":"demo-pass-2026"}' | token_of)
[[ -n "$STAFF_TOKEN" ]] || die "sign-in of aid-officer failed"
Q="$BASE/api/aid/applications"

# The SQL of the officer's queue, written out the way ApplicationQueries + DeadlineOrder build it (open cases,
# no drafts; phase 1: rows with a deadline in (current_due_at, id) order, after the cursor by row comparison;
# phase 2, only when phase 1 runs out: rows without a deadline by id). Used for the query plans; checked
# below against what the API answers, so a change of the queries shows up as a warning in the results.
OPEN_STATUSES="'SUBMITTED', 'UNDER_REVIEW', 'MATERIALS_REQUESTED', 'GRANTED', 'ASSIGNED', 'IN_PROGRESS', 'OBJECTION_FILED'"
CENTRE_SCOPE="(a.centre_id = '$CENTRE')"
OPEN="a.status in ($OPEN_STATUSES) and a.status <> 'DRAFT'"
DATED="a.current_due_at is not null"
DUE_ORDER="order by a.current_due_at, a.id limit 21"
# key_at ROW FORMAT: current_due_at (in FORMAT) and id of the ROW-th dated row of the centre's queue
key_at() {
    sql_value "select to_char(a.current_due_at at time zone 'UTC', '$2') || '|' || a.id from aid_application a
        where $CENTRE_SCOPE and $OPEN and $DATED order by a.current_due_at, a.id offset $(($1 - 1)) limit 1"
}
DATED_ROWS=$(sql_value "select count(*) from aid_application a where $CENTRE_SCOPE and $OPEN and $DATED")
(( DATED_ROWS >= DEEP_ROW && DATED_ROWS >= DEEP_PAGES * 20 )) \
    || die "the centre's queue has only $DATED_ROWS cases with a deadline; lower DEEP_ROW / DEEP_PAGES"
# a cursor positioned after row DEEP_ROW of the queue (the format of shared/persistence/Cursor)
DEEP_KEY=$(key_at "$DEEP_ROW" 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
DEEP_CURSOR=$(printf 'v1\037%s\037%s' "${DEEP_KEY%|*}" "${DEEP_KEY#*|}" | base64 -w 0 | tr '+/' '-_' | tr -d '=')
DEEP_PAGE=$(curl -fsS "$Q?limit=20&cursor=$DEEP_CURSOR" -H "Authorization: Bearer $STAFF_TOKEN") \
    || die "the deep cursor was refused"

# the page after the last row with a deadline: DeadlineOrder's phase 1 comes back empty, phase 2 (open cases
# without a deadline) runs from the start
LAST_KEY=$(key_at "$DATED_ROWS" 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
LAST_CURSOR=$(printf 'v1\037%s\037%s' "${LAST_KEY%|*}" "${LAST_KEY#*|}" | base64 -w 0 | tr '+/' '-_' | tr -d '=')
code=$(curl -sS -o "$WORK/last-page.json" -w '%{http_code}' "$Q?limit=20&cursor=$LAST_CURSOR" -H "Authorization: Bearer $STAFF_TOKEN")
[[ "$code" == 200 ]] || die "the cursor after the last deadline ($LAST_KEY) was refused: $code $(cat "$WORK/last-page.json")"

# does the SQL above return what the API returns? (first page, and the page after the deep cursor)
api_ids() { grep -o '"id":"[^"]*"' | cut -d'"' -f4 | tr '\n' ' '; }
sql_ids() { sql_value "select string_agg(id::text, ' ' order by current_due_at, id) || ' ' from (select a.id, a.current_due_at
    from aid_application a where $CENTRE_SCOPE and $OPEN and $DATED $1 order by a.current_due_at, a.id limit 20) x"; }
DEEP_KEY_SQL=$(key_at "$DEEP_ROW" 'YYYY-MM-DD HH24:MI:SS.US+00')
SQL_CHECK="the SQL below returns the same first page and deep page as the API"
if [[ "$(curl -fsS "$Q?limit=20" -H "Authorization: Bearer $STAFF_TOKEN" | api_ids)" != "$(sql_ids "")" \
    || "$(api_ids <<<"$DEEP_PAGE")" != "$(sql_ids "and (a.current_due_at, a.id) > ('${DEEP_KEY_SQL%|*}', '${DEEP_KEY_SQL#*|}')")" ]]; then
    SQL_CHECK="WARNING: the SQL below no longer returns what the API returns; ApplicationQueries changed, update legalaid.sh"
    printf 'legalaid.sh: %s\n' "$SQL_CHECK" >&2
fi

run_load "queue, first page" "$QUEUE_VUS" "$QUEUE_WARMUP_SECONDS" get --url "$Q?limit=20" --token "$STAFF_TOKEN" --duration "$QUEUE_SECONDS"
run_load "queue, status=UNDER_REVIEW" "$QUEUE_VUS" "$WARMUP_SECONDS" get --url "$Q?status=UNDER_REVIEW&limit=20" \
    --token "$STAFF_TOKEN" --duration "$QUEUE_SECONDS"
run_load "queue, overdue=true" "$QUEUE_VUS" "$WARMUP_SECONDS" get --url "$Q?overdue=true&limit=20" \
    --token "$STAFF_TOKEN" --duration "$QUEUE_SECONDS"
run_load "queue, pages 1-$DEEP_PAGES via nextCursor" "$QUEUE_VUS" "$WARMUP_SECONDS" get --url "$Q?limit=20" --token "$STAFF_TOKEN" \
    --follow-cursor --pages "$DEEP_PAGES" --duration "$QUEUE_SECONDS"
run_load "queue, one page after row $DEEP_ROW" "$QUEUE_VUS" "$WARMUP_SECONDS" get \
    --url "$Q?limit=20&cursor=$DEEP_CURSOR" --token "$STAFF_TOKEN" --duration "$QUEUE_SECONDS"
run_load "queue, page after the last deadline" "$QUEUE_VUS" "$WARMUP_SECONDS" get \
    --url "$Q?limit=20&cursor=$LAST_CURSOR" --token "$STAFF_TOKEN" --duration "$QUEUE_SECONDS"
# the same list for the county's 司法局 (BUREAU_ADMIN): scoped by region code range instead of centre
BUREAU_TOKEN=$(curl -fsS "$BASE/api/auth/staff" -H 'Content-Type: application/json' \
    -d '{"username":"bureau","password":"demo-pass-2026"}' | token_of)
[[ -n "$BUREAU_TOKEN" ]] || die "sign-in of bureau failed"
run_load "bureau (司法局) list, first page" "$QUEUE_VUS" "$WARMUP_SECONDS" get --url "$Q?limit=20" \
    --token "$BUREAU_TOKEN" --duration "$QUEUE_SECONDS"

# ---------------------------------------------------------------------------------------------------------
log "query plans"
PAGE50_KEY=$(key_at $((DEEP_PAGES * 20)) 'YYYY-MM-DD HH24:MI:SS.US+00')
after() { echo "(a.current_due_at, a.id) > ('${1%|*}', '${1#*|}')"; } # DeadlineOrder's cursor predicate
PLAN_SQL=(
    "first page|select * from aid_application a where $CENTRE_SCOPE and $OPEN and $DATED $DUE_ORDER"
    "status=UNDER_REVIEW|select * from aid_application a where $CENTRE_SCOPE and a.status = 'UNDER_REVIEW' and a.status <> 'DRAFT' and $DATED $DUE_ORDER"
    "overdue=true|select * from aid_application a where $CENTRE_SCOPE and $OPEN and a.current_due_at < now() and $DATED $DUE_ORDER"
    "page $((DEEP_PAGES + 1)) (cursor after row $((DEEP_PAGES * 20)))|select * from aid_application a where $CENTRE_SCOPE and $OPEN and $DATED and $(after "$PAGE50_KEY") $DUE_ORDER"
    "cursor after row $DEEP_ROW|select * from aid_application a where $CENTRE_SCOPE and $OPEN and $DATED and $(after "$DEEP_KEY_SQL") $DUE_ORDER"
    "no-deadline phase (the page after the last deadline)|select * from aid_application a where $CENTRE_SCOPE and $OPEN and a.current_due_at is null order by a.id limit 21"
    "bureau (司法局) first page|select * from aid_application a where (a.region_code >= '532932' and a.region_code < '532932:') and $OPEN and $DATED $DUE_ORDER"
    "the centre's rows in deadline order without the open filter (the query named in the benchmark's issue)|select * from aid_application a where a.centre_id = '$CENTRE' order by a.current_due_at asc nulls last, a.id limit 21"
)
PLANS=""
for entry in "${PLAN_SQL[@]}"; do
    title=${entry%%|*}
    query=${entry#*|}
    plan=$(sql -c "explain (analyze, buffers) $query")
    PLANS+=$'\n'"#### $title"$'\n\n```sql\n'"$query;"$'\n```\n\n```text\n'"$plan"$'\n```\n'
    if [[ "$title" == "first page" || "$title" == "the centre's rows"* ]]; then
        printf '\n%s;\n%s\n' "$query" "$plan"
    fi
done

# the prepared statements as Hibernate sends them; after five runs PostgreSQL may switch to a generic plan
GENERIC_OPEN="a.status in (\$2, \$3, \$4, \$5, \$6, \$7, \$8) and a.status <> \$9"
GENERIC_SQL=(
    "first page|select * from aid_application a where (a.centre_id = \$1) and $GENERIC_OPEN and a.current_due_at is not null order by a.current_due_at, a.id offset \$10 rows fetch first \$11 rows only"
    "cursor|select * from aid_application a where (a.centre_id = \$1) and $GENERIC_OPEN and a.current_due_at is not null and (a.current_due_at, a.id) > (\$10, \$11) order by a.current_due_at, a.id offset \$12 rows fetch first \$13 rows only"
    "status|select * from aid_application a where (a.centre_id = \$1) and a.status = \$2 and a.status <> \$3 and a.current_due_at is not null order by a.current_due_at, a.id offset \$4 rows fetch first \$5 rows only"
    "no-deadline phase|select * from aid_application a where (a.centre_id = \$1) and $GENERIC_OPEN and a.current_due_at is null order by a.id offset \$10 rows fetch first \$11 rows only"
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

mkdir -p "$RESULTS_DIR"
{
    echo "# Legal-aid benchmark, $(date '+%F %H:%M %Z')"
    echo
    echo "Machine: $(nproc) cores ($CPU), $MEM; $JAVA; PostgreSQL $PG_VERSION embedded ($PG_SETTINGS)."
    echo "Commit: $COMMIT. App, database and load driver share the machine. Load average before the run: $LOAD_BEFORE."
    echo
    echo "Parameters: SUBMIT_VUS=$SUBMIT_VUS SUBMIT_SECONDS=$SUBMIT_SECONDS SUBMIT_WARMUP_SECONDS=$SUBMIT_WARMUP_SECONDS QUEUE_WARMUP_SECONDS=$QUEUE_WARMUP_SECONDS QUEUE_VUS=$QUEUE_VUS QUEUE_SECONDS=$QUEUE_SECONDS WARMUP_SECONDS=$WARMUP_SECONDS ROWS=$ROWS DEEP_PAGES=$DEEP_PAGES DEEP_ROW=$DEEP_ROW"
    echo
    echo "$TABLE_HEAD"
    printf '%s\n' "${ROWS_MD[@]}"
    echo
    echo "Submission leaves $SUBMITTED_ROWS applications (drafts) in the table before seeding."
    echo "Seeding: $ROWS rows in $SEED_SECONDS s (one INSERT … SELECT, all indexes and foreign keys in place),"
    echo "then vacuum (analyze) in $VACUUM_SECONDS s; $TOTAL_ROWS rows, $SIZES; $CENTRE_ROWS rows of the demo centre, $DATED_ROWS of them open with a deadline (its queue)."
    echo "Status mix: $STATUS_MIX."
    echo
    echo "### Query plans (explain (analyze, buffers), run after the load, with the literals of this run)"
    echo
    echo "Check: $SQL_CHECK."
    echo "$PLANS"
} >"$RESULTS_FILE"

log "results (also in $RESULTS_FILE)"
printf '\n%s\n' "$TABLE_HEAD"
printf '%s\n' "${ROWS_MD[@]}"
printf '\nseeding: %s rows in %s s, vacuum analyze %s s; %s\n' "$ROWS" "$SEED_SECONDS" "$VACUUM_SECONDS" "$SIZES"
