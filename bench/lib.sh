# Shared scaffolding of the benchmark scripts in bench/: source it, then call bench_init.
#
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#   bench_init legalaid "$HTTP_PORT" "$PG_PORT"     # tools, ports, load warning, $WORK, cleanup on exit
#   bench_wait_for_others 'LoadDriver|…-bench\.'    # optional: wait for other benchmarks to finish
#   bench_build                                     # ./mvnw package (unless SKIP_BUILD=1), app copied to $WORK/app
#   bench_start_app [-Dextra=...]                   # dev profile on the embedded PostgreSQL; waits for readiness
#   run_load "scenario" VUS WARMUP get --url ...    # LoadDriver run, one row in ROWS_MD with the CPU split
#   bench_machine_line                              # "Machine: … Commit: …" for the results file
#   RESULTS_FILE=$(bench_results_file legalaid)     # bench/results/legalaid-<date>[-<RESULTS_TAG>].md
#
# What a script defines itself: its knobs, its scenarios and its results file. Everything started here is
# stopped and $WORK removed on exit, also on failure or Ctrl-C. Needs a JDK 17, curl and psql.

BENCH_NAME=bench
log() { printf '\n== %s  %s\n' "$(date +%T)" "$*" >&2; }
die() { printf '%s.sh: %s\n' "$BENCH_NAME" "$*" >&2; exit 1; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
token_of() { grep -o '"accessToken":"[^"]*"' | cut -d'"' -f4; }

# bench_init NAME HTTP_PORT PG_PORT [TOOL...]: checks tools and ports, warns when the machine is busy, creates
# $WORK and installs the cleanup trap; sets BASE, RESULTS_DIR, LOAD_BEFORE, APP_PID=
bench_init() {
    BENCH_NAME=$1; HTTP_PORT=$2; PG_PORT=$3; shift 3
    cd "$(dirname "${BASH_SOURCE[0]}")/.."
    local tool port
    for tool in java javac curl psql "$@"; do
        command -v "$tool" >/dev/null || die "$tool is required"
    done
    for port in "$HTTP_PORT" "$PG_PORT"; do
        port_in_use "$port" && die "port $port is already in use (set HTTP_PORT / PG_PORT)"
    done
    BASE="http://localhost:$HTTP_PORT"
    RESULTS_DIR=bench/results
    LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "n/a")
    if awk -v l="${LOAD_BEFORE%% *}" -v n="$(nproc)" 'BEGIN { exit !(l > n / 2) }' 2>/dev/null; then
        printf '%s.sh: warning: load average %s on %s cores; something else is running and the figures will be\n' \
            "$BENCH_NAME" "$LOAD_BEFORE" "$(nproc)" >&2
        printf '  lower (the "other" share of the CPU column in the results shows how much)\n' >&2
    fi
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/$BENCH_NAME-bench.XXXXXX")
    APP_PID=
    export PGPASSWORD=postgres
    trap bench_cleanup EXIT
    trap 'exit 130' INT TERM
}

# bench_results_file NAME: bench/results/NAME-<date>.md, or NAME-<date>-<RESULTS_TAG>.md when RESULTS_TAG is set
# (letters, digits, . _ -), so that a second run on the same day, e.g. with other knobs, does not overwrite the
# first one's figures
bench_results_file() {
    [[ "${RESULTS_TAG:-}" =~ ^[A-Za-z0-9._-]*$ ]] || die "RESULTS_TAG: letters, digits, . _ - only"
    echo "$RESULTS_DIR/$1-$(date +%F)${RESULTS_TAG:+-$RESULTS_TAG}.md"
}

# bench_wait_for_others PATTERN: with WAIT_FOR_OTHERS=1 (the default), waits up to WAIT_MAX_SECONDS [3600] for
# processes matching PATTERN (other benchmarks: two on 2 cores skew each other, and a build would replace the
# jar under a running app) to finish, checking every 20 s
bench_wait_for_others() {
    [[ "${WAIT_FOR_OTHERS:-1}" == 1 ]] || return 0
    local waited=0
    while pgrep -f "$1" | grep -vx "$$" >/dev/null; do
        (( waited == 0 )) && log "another benchmark is running; waiting for it to finish (checking every 20 s)"
        (( waited >= ${WAIT_MAX_SECONDS:-3600} )) && die "another benchmark is still running after $waited s"
        sleep 20
        waited=$((waited + 20))
    done
    (( waited > 0 )) && log "the other benchmark finished after ${waited} s of waiting"
    return 0
}

# Stops the app (its shutdown stops the embedded PostgreSQL), falls back to the server's own pid file if the
# app had to be killed hard, prints the app log's tail on failure and removes $WORK.
bench_cleanup() {
    local status=$?
    trap - EXIT INT TERM
    declare -F bench_on_exit >/dev/null && bench_on_exit || true
    if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
        log "stopping the app (pid $APP_PID)"
        kill "$APP_PID" 2>/dev/null || true
        for _ in $(seq 1 60); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
        kill -0 "$APP_PID" 2>/dev/null && kill -9 "$APP_PID" 2>/dev/null || true
    fi
    if [[ -f "$WORK/pg/postmaster.pid" ]]; then
        local pg_pid
        pg_pid=$(head -n 1 "$WORK/pg/postmaster.pid")
        if [[ "$pg_pid" =~ ^[0-9]+$ ]] && kill -0 "$pg_pid" 2>/dev/null \
            && tr '\0' ' ' <"/proc/$pg_pid/cmdline" 2>/dev/null | grep -q -- "$WORK/pg"; then
            kill -INT "$pg_pid" 2>/dev/null || true
            for _ in $(seq 1 60); do kill -0 "$pg_pid" 2>/dev/null || break; sleep 0.5; done
        fi
    fi
    if (( status != 0 )) && [[ -f "$WORK/app.log" ]]; then
        printf '\n-- last lines of the app log --\n' >&2
        tail -n 40 "$WORK/app.log" >&2
    fi
    rm -rf "$WORK"
    exit "$status"
}

sql() { psql -X -q -v ON_ERROR_STOP=1 -h localhost -p "$PG_PORT" -U postgres postgres "$@"; }
sql_value() { sql -A -t -c "$1"; }

# bench_build: packages the app unless SKIP_BUILD=1 and runs it from a copy in $WORK/app, so that a build
# started meanwhile cannot swap jars under it; compiles the load driver (driver ARGS... runs it)
bench_build() {
    log "build"
    if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
        ./mvnw -q -B package -DskipTests
    fi
    [[ -f target/quarkus-app/quarkus-run.jar ]] || die "target/quarkus-app/quarkus-run.jar is missing"
    cp -r target/quarkus-app "$WORK/app"
    mkdir -p "$WORK/driver"
    javac -d "$WORK/driver" bench/LoadDriver.java
}
driver() { java -Xmx512m -cp "$WORK/driver" LoadDriver "$@"; }

# bench_start_app [JVM OPTION...]: the dev profile (embedded PostgreSQL 17, demo county, fake WeChat sign-in)
# on a fresh data folder in $WORK/pg; waits up to READY_TIMEOUT_SECONDS (600) for readiness and sets READY_SECONDS
bench_start_app() {
    log "start the app on :$HTTP_PORT (embedded PostgreSQL on :$PG_PORT, data in $WORK/pg)"
    # not durable on purpose (fsync=off, synchronous_commit=off): the figures are the application's cost.
    # app.demo.background=false: the demo county's activity (advisors, videos, its year of cases) is written
    # during start-up, before readiness; in the background (the dev default) the scripts would find the demo
    # advisors and column missing and measure while the demo still writes
    java -Dquarkus.profile=dev -Dapp.embedded-db.durable=false -Dapp.demo.background=false \
        -Dapp.embedded-db.data-dir="$WORK/pg" -Dapp.embedded-db.port="$PG_PORT" \
        -Dapp.jwt.dev-key-dir="$WORK/jwt" \
        -Dquarkus.http.port="$HTTP_PORT" -Dquarkus.log.level=WARN \
        "$@" -jar "$WORK/app/quarkus-run.jar" >"$WORK/app.log" 2>&1 &
    APP_PID=$!
    local started
    started=$(now)
    for _ in $(seq 1 "${READY_TIMEOUT_SECONDS:-600}"); do
        kill -0 "$APP_PID" 2>/dev/null || die "the app exited during start-up"
        curl -fsS -o /dev/null "$BASE/q/health/ready" 2>/dev/null && break
        sleep 1
    done
    curl -fsS -o /dev/null "$BASE/q/health/ready" || die "the app did not become ready in ${READY_TIMEOUT_SECONDS:-600} s"
    READY_SECONDS=$(elapsed "$started" "$(now)")
    log "ready after $READY_SECONDS s"
}

# sign_in_staff USERNAME -> access token (demo password)
sign_in_staff() {
    curl -fsS "$BASE/api/auth/staff" -H 'Content-Type: application/json' \
        -d "{\"username\":\"$1\",\"password\":\"demo-pass-2026\"}" | token_of
}
# sign_in_residents N FILE: resident01 … residentN through the fake WeChat sign-in, one token per line
sign_in_residents() {
    local i token
    : >"$2"
    for i in $(seq -w 1 "$1"); do
        token=$(curl -fsS "$BASE/api/auth/wechat" -H 'Content-Type: application/json' -d "{\"code\":\"resident$i\"}" | token_of)
        [[ -n "$token" ]] || die "sign-in of resident$i failed"
        echo "$token" >>"$2"
    done
}

# Where the CPU went during a load run, in % of the whole machine: the app JVM, PostgreSQL (server and
# backends), the load driver, anything else on the machine (another build, ...), idle. From /proc.
CLK_TCK=$(getconf CLK_TCK)
NCPU=$(nproc)
busy_ticks() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
pid_ticks() { # utime + stime of a process and of its reaped children (PostgreSQL's parallel and autovacuum
    local st  # workers end up in the postmaster's), 0 once it is gone
    st=$(cat "/proc/$1/stat" 2>/dev/null) || { echo 0; return; }
    awk '{ print $12 + $13 + $14 + $15 }' <<<"${st##*) }"
}
pg_pids() {
    local pm
    pm=$(head -n 1 "$WORK/pg/postmaster.pid" 2>/dev/null) || return 0
    echo "$pm"
    ps -o pid= --ppid "$pm" || true
}
declare -A PG_T0
cpu_start() {
    CPU_B0=$(busy_ticks); CPU_A0=$(pid_ticks "$APP_PID"); CPU_W0=$(now)
    PG_T0=()
    local pid
    for pid in $(pg_pids); do PG_T0[$pid]=$(pid_ticks "$pid"); done
}
# cpu_end DRIVER_CPU_SECONDS -> "app/db/driver/other/idle"
cpu_end() {
    local busy app db=0 pid wall
    busy=$(( $(busy_ticks) - CPU_B0 )); app=$(( $(pid_ticks "$APP_PID") - CPU_A0 ))
    for pid in $(pg_pids); do db=$(( db + $(pid_ticks "$pid") - ${PG_T0[$pid]:-0} )); done
    wall=$(elapsed "$CPU_W0" "$(now)")
    awk -v busy="$busy" -v app="$app" -v db="$db" -v drv="$1" -v wall="$wall" -v hz="$CLK_TCK" -v n="$NCPU" 'BEGIN {
        cap = wall * hz * n; d = drv * hz; o = busy - app - db - d; if (o < 0) o = 0
        printf "%.0f/%.0f/%.0f/%.0f/%.0f", 100 * app / cap, 100 * db / cap, 100 * d / cap, 100 * o / cap, 100 * (cap - busy) / cap }'
}

ROWS_MD=()
TABLE_HEAD='| scenario | VUs | s | requests | errors | req/s | p50 ms | p95 ms | p99 ms | max ms | CPU % app/db/driver/other/idle |
|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|'
# run_load SCENARIO VUS WARMUP DRIVER-ARGS...: runs the driver, keeps its RESULT line as a table row in ROWS_MD
# and the raw line in LAST_RESULT
run_load() {
    local scenario=$1 vus=$2 warmup=$3; shift 3
    log "$scenario (load average $(cut -d' ' -f1-3 /proc/loadavg))"
    local out cpu
    cpu_start
    out=$(driver "$@" --vus "$vus" --warmup "$warmup" --label "$scenario") \
        || die "load run failed: $scenario"
    echo "$out" >&2
    LAST_RESULT=$(grep '^RESULT ' <<<"$out" | tail -n 1)
    cpu=$(cpu_end "$(result_field cpu_s)")
    echo "CPU % app/db/driver/other/idle: $cpu" >&2
    ROWS_MD+=("| $scenario | $vus | $(result_field seconds) | $(result_field requests) | $(result_field errors) | $(result_field rps) | $(result_field p50_ms) | $(result_field p95_ms) | $(result_field p99_ms) | $(result_field max_ms) | $cpu |")
}
# result_field NAME: a field of the last run's RESULT line (rps, p50_ms, p99_ms, errors, cpu_s, ...)
result_field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<"$LAST_RESULT"; }

# bench_machine_line: machine, JDK, PostgreSQL and its durability settings, commit, load before the run
bench_machine_line() {
    local cpu mem java pg settings commit
    cpu=$(grep -m 1 'model name' /proc/cpuinfo 2>/dev/null | cut -d: -f2- | sed 's/^ *//' || true)
    mem=$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null || true)
    java=$(java -version 2>&1 | head -n 1)
    pg=$(sql_value "select current_setting('server_version')")
    settings=$(sql_value "select string_agg(name || '=' || setting || coalesce(unit, ''), ', ' order by name) from pg_settings where name in ('shared_buffers', 'work_mem', 'synchronous_commit', 'fsync', 'max_connections')")
    commit=$(git rev-parse --short HEAD 2>/dev/null || echo "n/a")
    [[ "$commit" != "n/a" && -n "$(git status --porcelain -- src pom.xml 2>/dev/null)" ]] && commit+=" (uncommitted changes)"
    echo "Machine: $(nproc) cores ($cpu), $mem; $java; PostgreSQL $pg embedded ($settings)."
    echo "Commit: $commit. App, database and load driver share the machine. Load average before the run: $LOAD_BEFORE."
}
