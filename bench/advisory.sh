#!/usr/bin/env bash
# Village legal advisor (村居法律顾问) benchmark: slot listing of a township's advisors over two weeks, booking
# throughput on distinct slots, and N parallel bookings of one slot (exactly one 201), with a million bookings
# in adv_booking (bench/seed-bookings.sql), plus the query plans of the slot and coverage queries at that size
# and, as a reference, the same booking INSERT in pgbench against the same database.
#
#   bash bench/advisory.sh            # from the project root; needs a JDK 17, curl, psql and pgbench
#
# Builds the app, starts it (dev profile: embedded PostgreSQL 17 + demo county with its advisors) on a fresh
# temporary data folder, drives it with bench/LoadDriver.java and writes the figures to
# bench/results/advisory-<date>.md. Everything it starts is stopped and the folder removed on exit. The
# per-resident open-booking limit is lifted for the run (app.advisory.max-open-bookings-per-advisor), so that
# ten demo residents can make thousands of bookings; every other rule applies.
# Knobs (environment variables, defaults in brackets):
#   SLOT_VUS [16] SLOT_SECONDS [15]  BOOK_VUS [16] BOOK_SECONDS [20]  WARMUP_SECONDS [5]
#   SLOT_WARMUP_SECONDS [20] BOOK_WARMUP_SECONDS [20]  ROWS [1000000]  RACE [50] (parallel bookings of one slot)
#   PGBENCH_SECONDS [15]  HTTP_PORT [18083]  PG_PORT [55435]  SKIP_BUILD [0]  RESULTS_TAG [] (results file advisory-<date>-<tag>.md)
#   WAIT_FOR_OTHERS [1], WAIT_MAX_SECONDS [3600]: wait for other benchmarks to finish before starting
#   APP_JAVA_OPTS []: extra JVM options of the app, e.g. a flight recording to see where its CPU goes:
#     APP_JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/advisory.jfr,settings=profile'
#     then: jfr print --events jdk.ExecutionSample /tmp/advisory.jfr (the recording is written at exit)
set -Eeuo pipefail

SLOT_VUS=${SLOT_VUS:-16}
SLOT_SECONDS=${SLOT_SECONDS:-15}
BOOK_VUS=${BOOK_VUS:-16}
BOOK_SECONDS=${BOOK_SECONDS:-20}
WARMUP_SECONDS=${WARMUP_SECONDS:-5}
SLOT_WARMUP_SECONDS=${SLOT_WARMUP_SECONDS:-20}
BOOK_WARMUP_SECONDS=${BOOK_WARMUP_SECONDS:-20}
ROWS=${ROWS:-1000000}
RACE=${RACE:-50}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-15}
HTTP_PORT=${HTTP_PORT:-18083}
PG_PORT=${PG_PORT:-55435}
SKIP_BUILD=${SKIP_BUILD:-0}
WAIT_FOR_OTHERS=${WAIT_FOR_OTHERS:-1}
WAIT_MAX_SECONDS=${WAIT_MAX_SECONDS:-3600}
APP_JAVA_OPTS=${APP_JAVA_OPTS:-}

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_init advisory "$HTTP_PORT" "$PG_PORT" pgbench
bench_wait_for_others "LoadDriver|legalaid-bench|mediation-bench\.|reporting-bench\.|advisory-bench\."
RUN_STARTED=$(date +%s)
RESULTS_FILE=$(bench_results_file advisory)
VILLAGE=532932100201          # a demo village of 云鹤镇 (township 532932100000)
OFFICE=office1                # 云鹤镇司法所

# ---------------------------------------------------------------------------------------------------------
bench_build
# shellcheck disable=SC2086 # APP_JAVA_OPTS is a list of options
bench_start_app $APP_JAVA_OPTS -Dapp.advisory.max-open-bookings-per-advisor=1000000000
staff_token() {
    local t
    t=$(curl -fsS "$BASE/api/auth/staff" -H 'Content-Type: application/json' \
        -d "{\"username\":\"$1\",\"password\":\"demo-pass-2026\"}" | token_of)
    [[ -n "$t" ]] || die "sign-in of $1 failed"
    echo "$t"
}

advisor_id() { sql_value "select a.id from account a join staff_credential c on c.account_id = a.id where c.username = '$1'"; }
TODAY=$(sql_value "select (now() at time zone 'Asia/Shanghai')::date")
TO=$(sql_value "select (now() at time zone 'Asia/Shanghai')::date + 13")
A1=$(advisor_id advisor1)
A2=$(advisor_id advisor2)
[[ -n "$A1" && -n "$A2" ]] || die "the demo advisors advisor1/advisor2 are missing"

log "seed $ROWS bookings"
t0=$(now)
sql -v rows="$ROWS" -f bench/seed-bookings.sql
t1=$(now)
sql -c "vacuum (analyze) adv_booking"
t2=$(now)
SEED_SECONDS=$(elapsed "$t0" "$t1")
VACUUM_SECONDS=$(elapsed "$t1" "$t2")
TOTAL_ROWS=$(sql_value "select count(*) from adv_booking")
HOLDING=$(sql_value "select count(*) from adv_booking where status in ('PENDING', 'CONFIRMED')")
SIZES=$(sql_value "select pg_size_pretty(pg_table_size('adv_booking')) || ' table, ' || pg_size_pretty(pg_indexes_size('adv_booking')) || ' indexes'")
log "seeded in $SEED_SECONDS s (+ vacuum analyze $VACUUM_SECONDS s); $TOTAL_ROWS rows ($HOLDING pending or confirmed), $SIZES"

# ---------------------------------------------------------------------------------------------------------
log "residents and the slots to book"
: >"$WORK/residents.tokens"
for i in $(seq -w 1 10); do
    token=$(curl -fsS "$BASE/api/auth/wechat" -H 'Content-Type: application/json' -d "{\"code\":\"resident$i\"}" | token_of)
    [[ -n "$token" ]] || die "sign-in of resident$i failed"
    echo "$token" >>"$WORK/residents.tokens"
done
# extra phone sessions 08:00-20:00 China time for the next 30 days for advisor3 … advisor12: 10-minute slots,
# every one booked at most once by the run (the bodies are shuffled so that the users spread over advisors)
sql -c "insert into adv_availability_exception (id, advisor_id, kind, starts_at, ends_at, mode, slot_minutes, note, created_at)
    select gen_random_uuid(), a.id, 'EXTRA', (d + time '08:00') at time zone 'Asia/Shanghai', (d + time '20:00') at time zone 'Asia/Shanghai',
           'PHONE', 10, 'bench', now()
    from account a join staff_credential c on c.account_id = a.id
    cross join generate_series(current_date + 1, current_date + 30, interval '1 day') d
    where c.username in ('advisor3','advisor4','advisor5','advisor6','advisor7','advisor8','advisor9','advisor10','advisor11','advisor12')"
sql_value "select json_build_object('advisorId', x.advisor_id, 'startsAt', to_char(x.at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),
        'mode', 'PHONE', 'topic', 'LABOUR', 'description', '基准测试：拖欠工资怎么办', 'villageCode', '$VILLAGE')
    from (select e.advisor_id, e.starts_at + n * interval '10 minutes' as at
          from adv_availability_exception e cross join generate_series(0, 71) n where e.note = 'bench') x
    order by md5(x.advisor_id::text || x.at::text)" >"$WORK/bookings.jsonl"
DISTINCT_SLOTS=$(wc -l <"$WORK/bookings.jsonl")

# ---------------------------------------------------------------------------------------------------------
RESIDENT_TOKEN=$(head -n 1 "$WORK/residents.tokens")
S="$BASE/api/advisors"
for adv in "$A1" "$A2"; do
    curl -fsS "$S/$adv/slots?from=$TODAY&to=$TO" -H "Authorization: Bearer $RESIDENT_TOKEN" >"$WORK/slots.json" \
        || die "slot listing failed"
done
SLOTS_A1=$(curl -fsS "$S/$A1/slots?from=$TODAY&to=$TO" -H "Authorization: Bearer $RESIDENT_TOKEN" | grep -o '"start"' | wc -l)
SLOTS_A2=$(curl -fsS "$S/$A2/slots?from=$TODAY&to=$TO" -H "Authorization: Bearer $RESIDENT_TOKEN" | grep -o '"start"' | wc -l)
run_load "slots of advisor1 ($OFFICE), 14 days" "$SLOT_VUS" "$SLOT_WARMUP_SECONDS" get \
    --url "$S/$A1/slots?from=$TODAY&to=$TO" --token "$RESIDENT_TOKEN" --duration "$SLOT_SECONDS"
run_load "slots of advisor2 ($OFFICE), 14 days" "$SLOT_VUS" "$WARMUP_SECONDS" get \
    --url "$S/$A2/slots?from=$TODAY&to=$TO" --token "$RESIDENT_TOKEN" --duration "$SLOT_SECONDS"
BENCH_ADVISOR=00000000-0000-4000-a000-000000000001
run_load "slots of a seeded advisor with $((ROWS / 200)) bookings, 14 days" "$SLOT_VUS" "$WARMUP_SECONDS" get \
    --url "$S/$BENCH_ADVISOR/slots?from=$TODAY&to=$TO" --token "$RESIDENT_TOKEN" --duration "$SLOT_SECONDS"
run_load "directory of the resident's village" "$SLOT_VUS" "$WARMUP_SECONDS" get \
    --url "$S?village=$VILLAGE" --token "$RESIDENT_TOKEN" --duration "$SLOT_SECONDS"

B="$BASE/api/advisor/bookings"
BEFORE=$(sql_value "select count(*) from adv_booking")
run_load "book a distinct free slot (POST, 201)" "$BOOK_VUS" "$BOOK_WARMUP_SECONDS" post-json --url "$B" \
    --bodies "$WORK/bookings.jsonl" --tokens "$WORK/residents.tokens" --duration "$BOOK_SECONDS" --expect 201
BOOKED=$(( $(sql_value "select count(*) from adv_booking") - BEFORE ))

# ---------------------------------------------------------------------------------------------------------
log "$RACE parallel bookings of one slot"
RACE_SLOT=$(sql_value "select to_char(min(starts_at) at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') from adv_availability_exception where note = 'bench'")
RACE_ADVISOR=$(sql_value "select advisor_id from adv_availability_exception where note = 'bench' order by starts_at, advisor_id limit 1")
RACE_TAKEN=$(sql_value "select count(*) from adv_booking where advisor_id = '$RACE_ADVISOR' and starts_at = '$RACE_SLOT' and status in ('PENDING','CONFIRMED')")
if (( RACE_TAKEN > 0 )); then  # the throughput run took it: free it so the race starts from a free slot
    sql -c "update adv_booking set status = 'CANCELLED', cancelled_at = now() where advisor_id = '$RACE_ADVISOR' and starts_at = '$RACE_SLOT' and status in ('PENDING','CONFIRMED')"
fi
mkdir -p "$WORK/race"
for i in $(seq 1 "$RACE"); do
    token=$(curl -fsS "$BASE/api/auth/wechat" -H 'Content-Type: application/json' -d "{\"code\":\"bench-race-$i\"}" | token_of)
    echo "$token" >"$WORK/race/$i.token"
done
RACE_PIDS=()
for i in $(seq 1 "$RACE"); do
    curl -s -o "$WORK/race/$i.body" -w '%{http_code}\n' "$B" -H "Authorization: Bearer $(cat "$WORK/race/$i.token")" \
        -H 'Content-Type: application/json' -H "Idempotency-Key: race-$i" \
        -d "{\"advisorId\":\"$RACE_ADVISOR\",\"startsAt\":\"$RACE_SLOT\",\"mode\":\"PHONE\",\"topic\":\"LABOUR\",\"description\":\"基准测试\",\"villageCode\":\"$VILLAGE\"}" \
        >"$WORK/race/$i.status" &
    RACE_PIDS+=($!)
done
wait "${RACE_PIDS[@]}"   # the curls only (a bare wait would also wait for the app)
RACE_201=$(cat "$WORK"/race/*.status | grep -c '^201$' || true)
RACE_409=$(cat "$WORK"/race/*.status | grep -c '^409$' || true)
RACE_OTHER=$(( RACE - RACE_201 - RACE_409 ))
RACE_ROWS=$(sql_value "select count(*) from adv_booking where advisor_id = '$RACE_ADVISOR' and starts_at = '$RACE_SLOT' and status in ('PENDING','CONFIRMED')")
RACE_DETAIL=$(grep -h -o '"detail":"[^"]*"' "$WORK"/race/*.body | sort | uniq -c | sort -rn | head -n 2 | sed 's/^ *//' | tr '\n' ';')
log "race: $RACE_201 × 201, $RACE_409 × 409, $RACE_OTHER other; $RACE_ROWS row(s) hold the slot"
(( RACE_201 == 1 && RACE_409 == RACE - 1 && RACE_ROWS == 1 )) || die "the race did not give exactly one booking"

# ---------------------------------------------------------------------------------------------------------
log "reference: the same booking INSERT (exclusion check included) in pgbench"
cat >"$WORK/insert.sql" <<SQL
\set slot random(0, 4000000)
insert into adv_booking (id, advisor_id, organisation_id, resident_id, village_code, mode, topic, key_id, starts_at, ends_at, status, created_at, version)
select gen_random_uuid(), '$BENCH_ADVISOR', organisation_id, (select id from account where wechat_openid = 'fake-resident01'),
       '$VILLAGE', 'PHONE', 'LABOUR', 'local1', t, t + interval '10 minutes', 'PENDING', now(), 0
from adv_advisor cross join (select timestamptz '2040-01-01' + :slot * interval '10 minutes' as t) s
where account_id = '$BENCH_ADVISOR'
on conflict do nothing;
SQL
PGBENCH_OUT=$(pgbench -n -h localhost -p "$PG_PORT" -U postgres -c "$BOOK_VUS" -j 2 -T "$PGBENCH_SECONDS" -f "$WORK/insert.sql" postgres 2>&1 || true)
PGBENCH_TPS=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$PGBENCH_OUT" | head -n 1)
PGBENCH_LAT=$(sed -n 's/^latency average = \(.*\)$/\1/p' <<<"$PGBENCH_OUT" | head -n 1)
PGBENCH_FAILED=$(sed -n 's/^number of failed transactions: \(.*\)$/\1/p' <<<"$PGBENCH_OUT" | head -n 1)
echo "$PGBENCH_OUT" | tail -n 8 >&2

# ---------------------------------------------------------------------------------------------------------
log "query plans"
PLAN_SQL=(
    "taken periods of a seeded advisor over 14 days, as the app reads them (slot listing and booking check; the partial B-tree of V16)|select starts_at, ends_at from adv_booking where advisor_id = '$BENCH_ADVISOR' and status in ('PENDING', 'CONFIRMED') and starts_at >= now() - interval '1 day' and starts_at < now() + interval '14 days' and ends_at > now()"
    "the same through the exclusion constraint's GiST index (how V14 read them)|select starts_at, ends_at from adv_booking where advisor_id = '$BENCH_ADVISOR' and status in ('PENDING', 'CONFIRMED') and period && tstzrange(now(), now() + interval '14 days', '[)')"
    "taken periods of advisor1 over 14 days|select starts_at, ends_at from adv_booking where advisor_id = '$A1' and status in ('PENDING', 'CONFIRMED') and starts_at >= now() - interval '1 day' and starts_at < now() + interval '14 days' and ends_at > now()"
    "open bookings of a resident with an advisor (the limit check)|select count(*) from adv_booking where resident_id = (select id from account where wechat_openid = 'fake-resident01') and advisor_id = '$BENCH_ADVISOR' and status in ('PENDING', 'CONFIRMED')"
    "a resident's bookings, first page|select * from adv_booking b where b.resident_id = (select id from account where wechat_openid = 'fake-resident01') order by b.starts_at desc, b.id desc limit 21"
    "the 司法所's bookings, first page|select * from adv_booking b where b.village_code >= '532932100' and b.village_code < '532932100:' order by b.starts_at desc, b.id desc limit 21"
    "village file, bookings branch|select * from adv_booking where village_code = '$VILLAGE' and (starts_at, id) > ('1970-01-01', '00000000-0000-0000-0000-000000000000') order by starts_at, id limit 21"
    "county coverage on a date|select v.code, exists (select 1 from adv_contract_village cv join adv_contract c on c.id = cv.contract_id where cv.village_code = v.code and daterange(c.starts_on, coalesce(c.terminated_on, c.ends_on + 1), '[)') @> current_date) from region v where v.level = 'VILLAGE' and v.code >= '532932' and v.code < '532932:'"
)
PLANS=""
for entry in "${PLAN_SQL[@]}"; do
    title=${entry%%|*}
    query=${entry#*|}
    plan=$(sql -c "explain (analyze, buffers) $query")
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
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "n/a")

mkdir -p "$RESULTS_DIR"
{
    echo "# Village legal advisor benchmark, $(date '+%F %H:%M %Z')"
    echo
    echo "Machine: $(nproc) cores ($CPU), $MEM; $JAVA; PostgreSQL $PG_VERSION embedded ($PG_SETTINGS)."
    echo "Commit: $COMMIT. App, database and load driver share the machine, **and another engineer was building on it"
    echo "at the same time** (load average before the run: $LOAD_BEFORE, after: $LOAD_AFTER; the \"other\" CPU column shows"
    echo "how much of the machine went elsewhere), so the figures are lower bounds. Whole run (build included):"
    echo "$((RUN_SECONDS / 60)) min $((RUN_SECONDS % 60)) s."
    echo
    echo "Parameters: SLOT_VUS=$SLOT_VUS SLOT_SECONDS=$SLOT_SECONDS BOOK_VUS=$BOOK_VUS BOOK_SECONDS=$BOOK_SECONDS WARMUP_SECONDS=$WARMUP_SECONDS ROWS=$ROWS RACE=$RACE PGBENCH_SECONDS=$PGBENCH_SECONDS"
    echo
    echo "Seeding: $ROWS bookings in $SEED_SECONDS s (one INSERT … SELECT, constraints and indexes in place), vacuum (analyze)"
    echo "$VACUUM_SECONDS s; $TOTAL_ROWS rows before the runs, $HOLDING of them pending or confirmed (in the exclusion and holding indexes); $SIZES."
    echo "Slots listed for $TODAY … $TO: advisor1 $SLOTS_A1, advisor2 $SLOTS_A2 (weekly on-site, phone and video hours)."
    echo
    echo "$TABLE_HEAD"
    printf '%s\n' "${ROWS_MD[@]}"
    echo
    echo "Booking run: $BOOKED bookings made ($DISTINCT_SLOTS distinct slots offered to the run; a body reused after"
    echo "all were taken answers 409 and counts as an error)."
    echo
    echo "**Race:** $RACE residents book the same slot at once (one curl each, in parallel): **$RACE_201 × 201, $RACE_409 × 409**,"
    echo "$RACE_OTHER other; $RACE_ROWS row holds the slot. 409 details: $RACE_DETAIL"
    echo
    echo "**Reference (pgbench, same database, $BOOK_VUS clients, $PGBENCH_SECONDS s):** the booking INSERT alone, with the"
    echo "exclusion check, no HTTP, no slot validation: $PGBENCH_TPS tps, latency $PGBENCH_LAT (failed: ${PGBENCH_FAILED:-0})."
    echo
    echo "### Query plans (explain (analyze, buffers), after the runs)"
    echo "$PLANS"
} >"$RESULTS_FILE"

log "results (also in $RESULTS_FILE)"
printf '\n%s\n' "$TABLE_HEAD"
printf '%s\n' "${ROWS_MD[@]}"
printf '\nrace: %s x 201, %s x 409, %s rows; pgbench insert: %s tps\n' "$RACE_201" "$RACE_409" "$RACE_ROWS" "$PGBENCH_TPS"
printf 'whole run: %d min %d s\n' "$((RUN_SECONDS / 60))" "$((RUN_SECONDS % 60))"
