#!/usr/bin/env bash
# Side by side (issue 17): each endpoint against PostgreSQL alone executing the SQL that one request of it executes.
#
#   bash bench/sidebyside.sh          # from the project root; ~25 min on 2 cores; needs a JDK 17, curl, psql,
#                                     # pgbench and wrk (installed with apt-get when missing and run as root)
#
# For each endpoint (mediator's list and officer queue with ROWS seeded disputes and applications, a resident's
# case detail, the public video feed, dispute submission, legal-aid submission, booking of a village legal
# advisor's free slot):
#   1. warms it up, then captures the SQL one request executes from PostgreSQL's own log (csvlog with
#      log_min_duration_statement = 0 for the one request; the app's session with the most statements) and turns
#      it into a pgbench script (bench/PgbenchScript.java: same statements, same values bound as parameters;
#      creates get fresh ids, keys and reference numbers in each transaction);
#   2. runs ROUNDS times, interleaved: the endpoint under wrk (CONNS connections), then pgbench -M prepared -c CONNS
#      on the script, RUN_SECONDS each, printing throughput, p50/p99, the ratio endpoint / PostgreSQL alone and
#      the CPU per request of the JVM and of PostgreSQL (from /proc);
#   3. runs the endpoint paced at half its peak rate (each connection waits CONNS / rate between requests) for the
#      p99 at half peak.
# Also: ready time of the second start (database initialised; readiness polled every 0.1 s), RSS of the JVM under
# load (highest sample), and the load average before each figure. The JVM runs with the settings the project
# ships (JVM_OPTS: -XX:MaxRAM= the container limit of k8s/base/deployment.yaml, 768Mi, which the dev overlay keeps,
# plus GC_CONTAINER_OPTIONS and the -X flags of JAVA_OPTS_APPEND in k8s/base/configmap.yaml, read from the file). The embedded PostgreSQL
# runs as in the other bench scripts (bench/lib.sh: fsync and synchronous_commit off), the same for both sides.
# Booking: the per-resident limit of open bookings with one advisor is lifted (as in bench/advisory.sh) and ten
# advisors get extra 10-minute phone sessions for 60 days; each run books slots still free. The second start runs
# with the demo and the scheduled jobs off (the demo's year is written during the first; the script waits for it),
# so that the session captured is the request's and nothing else runs beside the load.
#
# Results: printed, and written to bench/results/sidebyside-<date>-<time>.md with the scripts pgbench ran.
# Knobs (environment variables, defaults in brackets):
#   ROWS [1000000] CONNS [16] RUN_SECONDS [15] ROUNDS [3] WARMUP_SECONDS [20]
#   ENDPOINTS ["mediator-list officer-queue case-detail video-feed dispute-submit aid-submit booking-submit"]
#   JVM_OPTS [-XX:MaxRAM=768m + the configmap's -X flags]  HTTP_PORT [18087] PG_PORT [55439] SKIP_BUILD [0]
#   DEMO_TIMEOUT_SECONDS [1200]
#   JFR_DIR [unset]: when set, a JFR recording (settings=profile) per endpoint over its measured rounds, written to
#                    JFR_DIR/<endpoint>.jfr (jcmd JFR.start/JFR.stop; the warm-up and the paced run are left out)
set -Eeuo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ROWS=${ROWS:-1000000}
CONNS=${CONNS:-16}
RUN_SECONDS=${RUN_SECONDS:-15}
ROUNDS=${ROUNDS:-3}
WARMUP_SECONDS=${WARMUP_SECONDS:-20}
ENDPOINTS=${ENDPOINTS:-"mediator-list officer-queue case-detail video-feed dispute-submit aid-submit booking-submit"}
# what the project ships: the container's memory limit as MaxRAM, the collector of GC_CONTAINER_OPTIONS (which
# replaces the base image's default collector) and the -X flags of JAVA_OPTS_APPEND, from k8s/base/configmap.yaml
CONFIGMAP="$(dirname "${BASH_SOURCE[0]}")/../k8s/base/configmap.yaml"
SHIPPED_GC=$(awk '/^  GC_CONTAINER_OPTIONS:/ { sub(/^  GC_CONTAINER_OPTIONS: */, ""); gsub(/"/, ""); print }' "$CONFIGMAP")
SHIPPED_FLAGS=$(awk '/JAVA_OPTS_APPEND: >-/ { f = 1; next } f && /^ +-/ { print $1; next } f { exit }' "$CONFIGMAP" \
    | grep '^-X' | tr '\n' ' ')
JVM_OPTS=${JVM_OPTS:-"-XX:MaxRAM=768m $SHIPPED_GC $SHIPPED_FLAGS"}
# an application rule lifted for the run (bench/advisory.sh does the same): ten residents book thousands of slots;
# the scheduled jobs off (reminders, roll-ups, outbox, import poll): the session captured is then the request's,
# and neither side shares the cores with them
APP_OPTS="-Dapp.advisory.max-open-bookings-per-advisor=1000000000 -Dquarkus.scheduler.enabled=false
    -Dquarkus.log.category.\"io.quarkus\".level=INFO"   # for Quarkus's own "started in" line
HTTP_PORT=${HTTP_PORT:-18087}
PG_PORT=${PG_PORT:-55439}
VILLAGE=532932100201     # demo village of 云鹤镇; its committee's mediator is mediator1-3
MEDIATOR=mediator1-3

if ! command -v wrk >/dev/null && [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
    apt-get install -y -qq wrk >/dev/null || { apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null; }
fi
bench_init sidebyside "$HTTP_PORT" "$PG_PORT" pgbench wrk
RESULTS_FILE="$RESULTS_DIR/sidebyside-$(date +%F-%H%M).md"
bench_build
mkdir -p "$WORK/tools" "$WORK/scripts"
javac -d "$WORK/tools" bench/PgbenchScript.java

# on exit (bench/lib.sh calls it before removing $WORK): keep the captures and the app log for a look afterwards
bench_on_exit() {
    rm -rf "${TMPDIR:-/tmp}/sidebyside-last" && mkdir -p "${TMPDIR:-/tmp}/sidebyside-last"
    cp -r "$WORK/scripts" "$WORK/app.log" "${TMPDIR:-/tmp}/sidebyside-last/" 2>/dev/null || true
}
load() { cut -d' ' -f1-3 /proc/loadavg; }
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$APP_PID/status" 2>/dev/null || echo 0; }
pg_ticks() { local t=0 pid; for pid in $(pg_pids); do t=$(( t + $(pid_ticks "$pid") )); done; echo "$t"; }
# start_app: bench_start_app's start, with readiness polled every 0.1 s (the ready time is a goal: < 3 s)
start_app() {
    log "start the app on :$HTTP_PORT (embedded PostgreSQL on :$PG_PORT, data in $WORK/pg): $JVM_OPTS"
    # shellcheck disable=SC2086 # lists of options
    java -Dquarkus.profile=dev -Dapp.embedded-db.durable=false \
        -Dapp.embedded-db.data-dir="$WORK/pg" -Dapp.embedded-db.port="$PG_PORT" \
        -Dapp.jwt.dev-key-dir="$WORK/jwt" \
        -Dquarkus.http.port="$HTTP_PORT" -Dquarkus.log.level=WARN \
        $JVM_OPTS $APP_OPTS -jar "$WORK/app/quarkus-run.jar" >>"$WORK/app.log" 2>&1 &
    APP_PID=$!
    local started
    started=$(now)
    for _ in $(seq 1 $(( ${READY_TIMEOUT_SECONDS:-180} * 10 ))); do
        kill -0 "$APP_PID" 2>/dev/null || die "the app exited during start-up"
        curl -fsS -o /dev/null "$BASE/q/health/ready" 2>/dev/null && break
        sleep 0.1
    done
    curl -fsS -o /dev/null "$BASE/q/health/ready" || die "the app did not become ready in ${READY_TIMEOUT_SECONDS:-180} s"
    READY_SECONDS=$(elapsed "$started" "$(now)")
    # Quarkus's own figure (after the embedded PostgreSQL, which a deployment does not start, is up)
    STARTED_IN=$(grep -o 'started in [0-9.]*s' "$WORK/app.log" | tail -n 1 | grep -o '[0-9.]\+s$' || echo "n/a")
    log "ready after $READY_SECONDS s (Quarkus: started in $STARTED_IN)"
}
stop_app() {
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    APP_PID=
}

# --- first start: initialise the database, seed the big tables, switch PostgreSQL's log to csv ---------------
start_app
FIRST_READY=$READY_SECONDS
log "seed $ROWS disputes and $ROWS applications"
sql -v rows="$ROWS" -f bench/seed-disputes.sql >/dev/null
sql -v rows="$ROWS" -f bench/seed-applications.sql >/dev/null
sql -c "vacuum (analyze) med_dispute" -c "vacuum (analyze) aid_application" >/dev/null
# the demo writes its year (advisors, videos, cases) in the background: let it finish, so that the second start,
# with the demo off, has it all and nothing else runs beside the requests
log "wait for the demo county's activity"
for _ in $(seq 1 "${DEMO_TIMEOUT_SECONDS:-1200}"); do
    grep -q "Demo county ready" "$WORK/app.log" && break
    grep -q "Demo county: a step failed" "$WORK/app.log" && die "the demo failed: $(grep -A3 'a step failed' "$WORK/app.log" | head -n 4)"
    sleep 1
done
grep -q "Demo county ready" "$WORK/app.log" || die "the demo county's activity was not written in ${DEMO_TIMEOUT_SECONDS:-1200} s"
sql -c "alter system set logging_collector = on" -c "alter system set log_destination = 'csvlog'" \
    -c "alter system set log_directory = 'log'" -c "alter system set log_filename = 'pg.log'" >/dev/null
stop_app

# --- second start: the ready time with the database initialised (the demo off, as in production) ------------
APP_OPTS="$APP_OPTS -Dapp.demo.enabled=false"
start_app
SECOND_READY=$READY_SECONDS
SECOND_STARTED_IN=$STARTED_IN
# JFR's own start-up (its classes loaded and compiled: seconds of CPU) before any endpoint is measured; without it
# the first endpoint's rounds carry it (the mediator's list measured 7-16 ms of app CPU per request)
[[ -n "${JFR_DIR:-}" ]] && { jcmd "$APP_PID" JFR.start name=init settings=profile >/dev/null; sleep 5; jcmd "$APP_PID" JFR.stop name=init >/dev/null; }
PG_LOG="$WORK/pg/log/pg.csv"
[[ -f "$PG_LOG" ]] || die "PostgreSQL writes no csv log at $PG_LOG"
# the app's connections, by their application_name: the one with the most connections once a load has run (the
# reactive pool's; Flyway's JDBC connection has another name)
APP_NAME=
app_name() {
    sql_value "select application_name from pg_stat_activity where backend_type = 'client backend'
        and application_name not in ('', 'psql', 'pgbench') group by 1 order by count(*) desc limit 1"
}
# the periods of the booking script's transactions: the captured one moved on by k >= 1000 days (past the sessions)
sql -c "create sequence if not exists sbs_period start 1000" >/dev/null

staff_token() { sign_in_staff "$1"; }
sign_in_residents 10 "$WORK/residents.tokens"
RESIDENT_TOKEN=$(head -n 1 "$WORK/residents.tokens")
RESIDENT_ID=$(curl -fsS "$BASE/api/me" -H "Authorization: Bearer $RESIDENT_TOKEN" | grep -o '"id":"[^"]*"' | head -n 1 | cut -d'"' -f4)
MEDIATOR_TOKEN=$(staff_token "$MEDIATOR")
OFFICER_TOKEN=$(staff_token aid-officer)
CASE_ID=$(curl -fsS "$BASE/api/aid/applications?limit=1" -H "Authorization: Bearer $RESIDENT_TOKEN" | grep -o '"id":"[^"]*"' | head -n 1 | cut -d'"' -f4)
[[ -n "$CASE_ID" ]] || die "resident01 has no legal-aid application (demo data)"
cat >"$WORK/dispute.json" <<JSON
{"disputeType":"NEIGHBOUR","facts":"邻居修建围墙占用通道","claims":"拆除占道部分","amount":"3000.00","otherParties":[{"kind":"PERSON","name":"杨建华","phone":"13908725678"}],"villageCode":"$VILLAGE","preferredMode":"IN_PERSON"}
JSON
cat >"$WORK/application.json" <<'JSON'
{"matter":"LABOUR_RELATIONSHIP_OR_WAGES","serviceType":"LABOUR_MEDIATION_ARBITRATION","summary":"拖欠工资","opposingParty":"某公司","amountInDispute":"18600.00","regionCode":"532932100201","finances":{"householdMembers":4,"monthlyHouseholdIncome":"2400.00","financialAssets":"3000","ownsNonEssentialProperty":false}}
JSON

# booking: extra phone sessions 08:00-20:00 China time for the next 60 days for advisor3 … advisor12 (10-minute
# slots, 43,200 in all); free_bookings writes one body per slot still free to $WORK/bookings.jsonl, shuffled so
# that the connections spread over the advisors
sql -c "insert into adv_availability_exception (id, advisor_id, kind, starts_at, ends_at, mode, slot_minutes, note, created_at)
    select gen_random_uuid(), a.id, 'EXTRA', (d + time '08:00') at time zone 'Asia/Shanghai', (d + time '20:00') at time zone 'Asia/Shanghai',
           'PHONE', 10, 'sidebyside', now()
    from account a join staff_credential c on c.account_id = a.id
    cross join generate_series(current_date + 1, current_date + 60, interval '1 day') d
    where c.username in ('advisor3','advisor4','advisor5','advisor6','advisor7','advisor8','advisor9','advisor10','advisor11','advisor12')
    and not exists (select 1 from adv_availability_exception x where x.note = 'sidebyside')" >/dev/null
free_bookings() {
    sql_value "select json_build_object('advisorId', x.advisor_id, 'startsAt', to_char(x.at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'),
            'mode', 'PHONE', 'topic', 'LABOUR', 'description', '基准测试：拖欠工资怎么办', 'villageCode', '$VILLAGE')
        from (select e.advisor_id, e.starts_at + n * interval '10 minutes' as at
              from adv_availability_exception e cross join generate_series(0, 71) n where e.note = 'sidebyside') x
        where not exists (select 1 from adv_booking b where b.advisor_id = x.advisor_id and b.starts_at = x.at
                          and b.status in ('PENDING', 'CONFIRMED'))
        order by md5(x.advisor_id::text || x.at::text)" >"$WORK/bookings.jsonl"
    [[ -s "$WORK/bookings.jsonl" ]] || die "no free slot left to book"
    head -n 1 "$WORK/bookings.jsonl" >"$WORK/booking.json"
}

# wrk_script NAME METHOD PATH [BODY-FILE] [DELAY-MS] [BODIES-FILE]: a Lua script for wrk; POSTs rotate the
# residents' tokens and send a new Idempotency-Key (sbs-…) each time; DELAY-MS paces each connection; with
# BODIES-FILE each request sends the next line of it (wrk thread t of 2 takes lines t, t + 2, …; read when the
# thread starts, so the file may be rewritten between runs)
wrk_script() {
    local name=$1 method=$2 path=$3 body=${4:-} delay=${5:-0} bodies=${6:-} f="$WORK/scripts/$1.lua"
    {
        echo "local tokens = {}"
        if [[ "$method" == POST ]]; then
            while read -r t; do echo "tokens[#tokens + 1] = \"$t\""; done <"$WORK/residents.tokens"
        else
            echo "tokens[1] = \"${TOKEN:-}\""
        fi
        echo "local body = nil"
        [[ -n "$body" ]] && echo "body = [==[$(cat "$body")]==]"
        echo "local bodies_file = \"$bodies\""
        cat <<LUA
local n, counter, bodies = 0, 0, {}
function setup(thread) n = n + 1; thread:set("tid", n) end
function init(args)
    if bodies_file ~= "" then
        local i = 0
        for line in io.lines(bodies_file) do
            i = i + 1
            if i % 2 == (tid or 1) % 2 then bodies[#bodies + 1] = line end
        end
    end
end
function request()
    counter = counter + 1
    if #bodies > 0 then body = bodies[((counter - 1) % #bodies) + 1] end
    local headers = {}
    local token = tokens[(counter % #tokens) + 1]
    if token ~= "" then headers["Authorization"] = "Bearer " .. token end
    if body then
        headers["Content-Type"] = "application/json"
        headers["Idempotency-Key"] = string.format("sbs-%s-%d-%d", tostring(tid), os.time(), counter)
    end
    return wrk.format("$method", "$path", headers, body)
end
function delay() return $delay end
LUA
    } >"$f"
    echo "$f"
}

# run_wrk SCRIPT SECONDS CONNS -> sets W_RPS W_P50 W_P99 W_ERRORS W_APP_MS W_PG_MS W_RSS
to_ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f", v }' <<<"$1"; }
run_wrk() {
    local script=$1 seconds=$2 conns=$3 out a0 p0 a1 p1 requests sampler
    a0=$(pid_ticks "$APP_PID"); p0=$(pg_ticks)
    ( sleep $(( seconds - 2 > 0 ? seconds - 2 : 1 )); rss_mb >"$WORK/rss" ) &
    sampler=$!
    out=$(wrk -t2 -c"$conns" -d"${seconds}s" --latency -s "$script" "$BASE" 2>&1) || die "wrk failed: $out"
    wait "$sampler"
    a1=$(pid_ticks "$APP_PID"); p1=$(pg_ticks)
    requests=$(awk '/requests in/ { print $1 }' <<<"$out")
    W_RPS=$(awk '/Requests\/sec/ { printf "%.0f", $2 }' <<<"$out")
    W_P50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
    W_P99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
    W_ERRORS=$(awk '/Non-2xx/ { print $5 }' <<<"$out"); W_ERRORS=${W_ERRORS:-0}
    W_APP_MS=$(awk -v t=$((a1 - a0)) -v n="$requests" -v hz="$CLK_TCK" 'BEGIN { printf "%.2f", n ? 1000 * t / hz / n : 0 }')
    W_PG_MS=$(awk -v t=$((p1 - p0)) -v n="$requests" -v hz="$CLK_TCK" 'BEGIN { printf "%.2f", n ? 1000 * t / hz / n : 0 }')
    W_RSS=$(cat "$WORK/rss")
}

# run_pgbench NAME SECONDS -> sets P_TPS P_P50 P_P99 P_PG_MS P_FAILED
run_pgbench() {
    local name=$1 seconds=$2 out p0 p1 tx dir="$WORK/pgbench-$1"
    local -a defs=()
    while IFS= read -r -d '' v; do defs+=(-D "$v"); done <"$WORK/scripts/$name.vars"
    rm -rf "$dir"; mkdir -p "$dir"
    p0=$(pg_ticks)
    # a client that hits an error (a unique violation, say) aborts and pgbench exits non-zero: the round is kept,
    # marked "aborted" with pgbench's first error in the results, and the run goes on to the next endpoint
    local status=0
    out=$(cd "$dir" && pgbench -n -M prepared -c "$CONNS" -j 2 -T "$seconds" -l -h localhost -p "$PG_PORT" -U postgres \
        "${defs[@]}" -f "$WORK/scripts/$name.sql" postgres 2>&1) || status=$?
    [[ -n "$(awk '/^tps = / { print $3 }' <<<"$out")" ]] || die "pgbench failed on $name: $(tail -n 5 <<<"$out")"
    p1=$(pg_ticks)
    tx=$(awk '/number of transactions actually processed/ { print $NF }' <<<"$out" | cut -d/ -f1)
    P_TPS=$(awk '/^tps = / { printf "%.0f", $3 }' <<<"$out")
    P_FAILED=$(awk '/number of failed transactions/ { print $5 }' <<<"$out"); P_FAILED=${P_FAILED:-0}
    if (( status != 0 )); then
        P_FAILED="$P_FAILED, aborted"
        PGBENCH_ERRORS+=("$name: $(grep -m 1 -i 'aborted\|error' <<<"$out" || true)")
        log "pgbench aborted on $name: ${PGBENCH_ERRORS[-1]}"
    fi
    cat "$dir"/pgbench_log.* | awk '{ print $3 / 1000 }' | sort -n >"$dir/lat"
    P_P50=$(awk '{ a[NR] = $1 } END { i = int(NR * 0.50); if (i < 1) i = 1; printf "%.2f", a[i] }' "$dir/lat")
    P_P99=$(awk '{ a[NR] = $1 } END { i = int(NR * 0.99); if (i < 1) i = 1; printf "%.2f", a[i] }' "$dir/lat")
    P_PG_MS=$(awk -v t=$((p1 - p0)) -v n="$tx" -v hz="$CLK_TCK" 'BEGIN { printf "%.2f", n ? 1000 * t / hz / n : 0 }')
}

# capture NAME METHOD PATH [BODY] [--fresh-ids]: one request with PostgreSQL logging every statement
capture() {
    local name=$1 method=$2 path=$3 body=${4:-} fresh=${5:-} offset auth=()
    shift 5 || shift $#
    local -a more=("$@")   # further PgbenchScript options
    [[ -n "${TOKEN:-}" ]] && auth=(-H "Authorization: Bearer $TOKEN")
    sql -c "alter system set log_min_duration_statement = 0" -c "select pg_reload_conf()" >/dev/null
    sleep 1
    offset=$(stat -c %s "$PG_LOG")
    if [[ "$method" == POST ]]; then
        curl -fsS -o /dev/null "$BASE$path" "${auth[@]}" -H 'Content-Type: application/json' \
            -H "Idempotency-Key: sbs-capture-$name-$(date +%s)" --data-binary "@$body" || die "capture request of $name failed"
    else
        curl -fsS -o /dev/null "$BASE$path" "${auth[@]}" || die "capture request of $name failed"
    fi
    sleep 1
    sql -c "alter system reset log_min_duration_statement" -c "select pg_reload_conf()" >/dev/null
    sleep 1
    tail -c +$((offset + 1)) "$PG_LOG" >"$WORK/scripts/$name.csv"
    # PgbenchScript keeps the request's session: the app's session with the most statements in the window
    local -a extra=()
    [[ -n "$fresh" ]] && extra=(--fresh-ids --keep "$RESIDENT_ID" "${more[@]}")
    java -cp "$WORK/tools" PgbenchScript "$WORK/scripts/$name.csv" "$APP_NAME" \
        "$WORK/scripts/$name.sql" "$WORK/scripts/$name.vars" "${extra[@]}" >&2
    # it must run as it is before it is measured
    local -a defs=()
    while IFS= read -r -d '' v; do defs+=(-D "$v"); done <"$WORK/scripts/$name.vars"
    pgbench -n -M prepared -t 1 -h localhost -p "$PG_PORT" -U postgres "${defs[@]}" -f "$WORK/scripts/$name.sql" postgres \
        >"$WORK/scripts/$name.check" 2>&1 || die "the pgbench script of $name does not run: $(tail -n 5 "$WORK/scripts/$name.check")"
}

ROWS_MD=()
RSS_MAX=0
PGBENCH_ERRORS=()
for endpoint in $ENDPOINTS; do
    body=; fresh=; method=GET; bodies=; capture_opts=()
    case "$endpoint" in
        mediator-list) TOKEN=$MEDIATOR_TOKEN; path="/api/mediation/disputes?limit=20"; kind=read ;;
        officer-queue) TOKEN=$OFFICER_TOKEN; path="/api/aid/applications?limit=20"; kind=read ;;
        case-detail) TOKEN=$RESIDENT_TOKEN; path="/api/aid/applications/$CASE_ID"; kind=read ;;
        video-feed) TOKEN=; path="/api/videos?limit=20"; kind=read ;;
        dispute-submit) TOKEN=$RESIDENT_TOKEN; method=POST; path="/api/mediation/disputes"; body="$WORK/dispute.json"; fresh=1; kind=create ;;
        aid-submit) TOKEN=$RESIDENT_TOKEN; method=POST; path="/api/aid/applications"; body="$WORK/application.json"; fresh=1; kind=create ;;
        # each transaction of the pgbench script books its own period (the captured one moved on by a day per
        # transaction, from a sequence) and takes its own pair lock (a fresh key after the "adv_booking:" prefix)
        booking-submit) TOKEN=$RESIDENT_TOKEN; method=POST; path="/api/advisor/bookings"; body="$WORK/booking.json"; fresh=1
            bodies="$WORK/bookings.jsonl"; kind=create; capture_opts=(--fresh-periods --fresh-prefix adv_booking:) ;;
        *) die "unknown endpoint $endpoint" ;;
    esac
    log "$endpoint: $method $path (load average $(load))"
    [[ -n "$bodies" ]] && free_bookings
    script=$(wrk_script "$endpoint" "$method" "$path" "$body" 0 "$bodies")
    run_wrk "$script" "$WARMUP_SECONDS" "$CONNS"
    [[ -n "$APP_NAME" ]] || APP_NAME=$(app_name)
    [[ -n "$APP_NAME" ]] || die "no connection of the app found in pg_stat_activity"
    [[ -n "$bodies" ]] && free_bookings
    capture "$endpoint" "$method" "$path" "$body" "$fresh" "${capture_opts[@]}"
    best=0
    [[ -n "${JFR_DIR:-}" ]] && { mkdir -p "$JFR_DIR"; jcmd "$APP_PID" JFR.start name="$endpoint" settings=profile >/dev/null; }
    for round in $(seq 1 "$ROUNDS"); do
        before=$(load)
        [[ -n "$bodies" ]] && free_bookings
        run_wrk "$script" "$RUN_SECONDS" "$CONNS"
        run_pgbench "$endpoint" "$RUN_SECONDS"
        ratio=$(awk -v a="$W_RPS" -v b="$P_TPS" 'BEGIN { printf "%.2f", b ? a / b : 0 }')
        (( W_RSS > RSS_MAX )) && RSS_MAX=$W_RSS
        (( W_RPS > best )) && best=$W_RPS
        line="| $endpoint | $round | $W_RPS | $W_P50 | $W_P99 | $W_ERRORS | $P_TPS | $P_P50 | $P_P99 | $P_FAILED | **$ratio** | $W_APP_MS | $W_PG_MS | $P_PG_MS | $W_RSS | $before |"
        echo "$line" >&2
        ROWS_MD+=("$line")
    done
    [[ -n "${JFR_DIR:-}" ]] && jcmd "$APP_PID" JFR.stop name="$endpoint" filename="$(realpath "$JFR_DIR")/$endpoint.jfr" >/dev/null
    # p99 at half the peak rate: each connection waits CONNS / (peak / 2) seconds between its requests
    delay=$(awk -v c="$CONNS" -v r="$best" 'BEGIN { printf "%.0f", r ? 1000 * c / (r / 2) : 100 }')
    paced=$(wrk_script "$endpoint-paced" "$method" "$path" "$body" "$delay" "$bodies")
    before=$(load)
    [[ -n "$bodies" ]] && free_bookings
    run_wrk "$paced" "$RUN_SECONDS" "$CONNS"
    line="| $endpoint | paced at ~$((best / 2))/s | $W_RPS | $W_P50 | $W_P99 | $W_ERRORS | | | | | | $W_APP_MS | $W_PG_MS | | $W_RSS | $before |"
    echo "$line" >&2
    ROWS_MD+=("$line")
done

# the JVM's heap and metaspace after the load (what the RSS is made of)
HEAP_INFO=$(jcmd "$APP_PID" GC.heap_info 2>/dev/null || echo "(jcmd not available)")
THREADS=$(awk '/Threads/ { print $2 }' "/proc/$APP_PID/status" 2>/dev/null || echo "n/a")

# --- results -------------------------------------------------------------------------------------------------
mkdir -p "$RESULTS_DIR"
{
    echo "# Side by side: endpoints and PostgreSQL alone ($(date -u '+%F %H:%M') UTC)"
    echo
    bench_machine_line
    echo "JVM: \`$JVM_OPTS\`; application: \`$APP_OPTS\`. $ROWS seeded disputes and $ROWS seeded applications. wrk and pgbench at $CONNS connections,"
    echo "$RUN_SECONDS s each, $ROUNDS interleaved rounds after $WARMUP_SECONDS s of warm-up. Ready after the first start"
    echo "(initialising the database and the demo): $FIRST_READY s; after the second start (database initialised): **$SECOND_READY s**"
    echo "(readiness polled every 0.1 s from the java command; Quarkus's own \"started in\": $SECOND_STARTED_IN, after the embedded PostgreSQL was up)."
    echo "Highest RSS of the JVM under load: **$RSS_MAX MB**."
    echo
    echo "| endpoint | round | endpoint req/s | p50 ms | p99 ms | non-2xx | PostgreSQL alone tx/s | p50 ms | p99 ms | failed | ratio | app CPU ms/req | PG CPU ms/req (endpoint) | PG CPU ms/tx (alone) | RSS MB | load average before |"
    echo "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
    printf '%s\n' "${ROWS_MD[@]}"
    echo
    echo "Goals (issue 17): reads ≥ 0.7, creates ≥ 0.6, p99 at half peak < 50 ms, RSS ≤ 350 MB, ready < 3 s."
    if (( ${#PGBENCH_ERRORS[@]} > 0 )); then
        echo
        echo "pgbench aborted (its first error):"
        printf -- '- `%s`\n' "${PGBENCH_ERRORS[@]}"
    fi
    echo
    echo "The JVM after the load ($THREADS threads), \`jcmd GC.heap_info\`:"
    echo
    echo '```'
    echo "$HEAP_INFO"
    echo '```'
    echo
    echo "## The pgbench scripts (SQL of one request, captured from PostgreSQL's log)"
    for endpoint in $ENDPOINTS; do
        echo
        echo "### $endpoint"
        echo
        echo '```sql'
        cat "$WORK/scripts/$endpoint.sql"
        echo '```'
    done
} >"$RESULTS_FILE"
cat "$RESULTS_FILE"
log "results in $RESULTS_FILE"
