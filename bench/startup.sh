#!/usr/bin/env bash
# Ready time as a deployment sees it (issue 17: ready < 3 s after start with the database initialised).
#
#   bash bench/startup.sh        # from the project root; needs a JDK 17, curl, psql, unshare; SKIP_BUILD=1 reuses target/
#
# A PostgreSQL is started first and stays up, like the external one a deployment connects to: the bundled
# binaries (embedded-postgres unpacks them; bench/SqlCount.java initialises the data folder with them) under
# pg_ctl, through `unshare -U` when run as root (PostgreSQL refuses root). A first start of the packaged app in
# the prod profile, pointed at it with QUARKUS_DATASOURCE_* as k8s/base/configmap.yaml does, migrates the empty
# database. Then STARTS starts of each variant, interleaved, each timed from the `java` command to
# /q/health/ready answering 200 (polled every 50 ms), with the JVM's CPU time until then (utime + stime from
# /proc: less sensitive to a shared machine than the wall time), then SIGTERM:
#   plain  the JVM flags the project ships (k8s/base/configmap.yaml, -XX:MaxRAM= the base container limit)
#   appcds the same plus -XX:SharedArchiveFile= an AppCDS archive made as src/main/docker/Dockerfile.jvm makes
#          it: `java -XX:ArchiveClassesAtExit=... -Dquarkus.appcds.generate=true -jar <absolute path>/quarkus-run.jar`
#          (Quarkus stops after its static init; quarkus.package.jar.appcds.enabled=true puts that stop in the jar)
#   appcds-heap        appcds with -XX:InitialRAMPercentage=10 (the heap starts at 77 MB instead of 12 MB)
#   appcds-novalidate  appcds without Hibernate's schema check (schema-management.strategy=none): what it costs
# Prints the median and the spread of each, with the load average, and writes bench/results/startup-<date>.md.
# Knobs: STARTS [5] HTTP_PORT [18091] PG_PORT [55443] SKIP_BUILD [0] VARIANTS ["plain appcds"; also appcds-heap appcds-novalidate]
#        EXTRA_JVM_OPTS [] (added to every variant, e.g. a JFR recording) RESULTS_TAG []
set -Eeuo pipefail

STARTS=${STARTS:-5}
HTTP_PORT=${HTTP_PORT:-18091}
PG_PORT=${PG_PORT:-55443}
VARIANTS=${VARIANTS:-"plain appcds"}
EXTRA_JVM_OPTS=${EXTRA_JVM_OPTS:-}

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_init startup "$HTTP_PORT" "$PG_PORT" unshare
DATA="$WORK/pg"   # lib.sh's cleanup stops a server left running on it
RESULTS_FILE=$(bench_results_file startup)
bench_build
APP_DIR=$(cd "$WORK/app" && pwd)

# the JVM flags the project ships, read from the configmap (as bench/sidebyside.sh does)
CONFIGMAP=k8s/base/configmap.yaml
SHIPPED_GC=$(awk '/^  GC_CONTAINER_OPTIONS:/ { sub(/^  GC_CONTAINER_OPTIONS: */, ""); gsub(/"/, ""); print }' "$CONFIGMAP")
SHIPPED_FLAGS=$(awk '/JAVA_OPTS_APPEND: >-/ { f = 1; next } f && /^ +-/ { print $1; next } f { exit }' "$CONFIGMAP" \
    | grep '^-X' | grep -v SharedArchiveFile | tr '\n' ' ')
JVM_OPTS="-XX:MaxRAM=768m $SHIPPED_GC $SHIPPED_FLAGS"

# ------------------------------------------------------------------------------------ PostgreSQL, started first
log "PostgreSQL on :$PG_PORT (bundled binaries, data in $DATA)"
java -cp "$APP_DIR/lib/main/*" bench/SqlCount.java "$DATA" "$PG_PORT" "select 1" >/dev/null 2>"$WORK/initdb.log" \
    || { tail -20 "$WORK/initdb.log" >&2; die "could not initialise $DATA"; }
PG_BIN=$(ls -d "${TMPDIR:-/tmp}"/embedded-pg/PG-*/bin 2>/dev/null | head -1)
[[ -x "$PG_BIN/pg_ctl" ]] || die "the bundled PostgreSQL binaries were not found under ${TMPDIR:-/tmp}/embedded-pg"
AS_PG=(); [[ $(id -u) == 0 ]] && AS_PG=(unshare -U)
rm -f "$DATA/epg-lock"
"${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$DATA" -l "$WORK/pg.log" -w \
    -o "-p $PG_PORT -h 127.0.0.1 -k $WORK -c max_connections=100" start >/dev/null
bench_on_exit() { "${AS_PG[@]}" "$PG_BIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1 || true; }

# ------------------------------------------------------------------------------------ the app, prod profile
app_env=(QUARKUS_PROFILE=prod QUARKUS_HTTP_PORT="$HTTP_PORT" APP_EMBEDDED_DB_ENABLED=false
    QUARKUS_DATASOURCE_REACTIVE_URL="postgresql://127.0.0.1:$PG_PORT/postgres"
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"
    QUARKUS_DATASOURCE_USERNAME=postgres QUARKUS_DATASOURCE_PASSWORD=postgres
    SMALLRYE_JWT_SIGN_KEY="$(cat src/test/resources/test-keys/private.pem)"
    MP_JWT_VERIFY_PUBLICKEY="$(cat src/test/resources/test-keys/public.pem)"
    APP_CRYPTO_KEYS="k1:$(head -c 32 /dev/urandom | base64)" APP_CRYPTO_ACTIVE_KEY_ID=k1
    APP_WECHAT_APP_ID=wx-startup APP_WECHAT_SECRET=startup)
cpu_ms() { awk '{ printf "%d", ($14 + $15) * 1000 / '"$(getconf CLK_TCK)"' }' "/proc/$1/stat"; }

# timed_start LOG [JVM OPTION...]: sets READY_MS, CPU_MS; the app keeps running (APP_PID)
timed_start() {
    local log=$1 t0; shift
    t0=$(date +%s%N)
    # shellcheck disable=SC2086
    env "${app_env[@]}" java $JVM_OPTS $EXTRA_JVM_OPTS "$@" -jar "$APP_DIR/quarkus-run.jar" >"$log" 2>&1 &
    APP_PID=$!
    until curl -fs -o /dev/null "$BASE/q/health/ready" 2>/dev/null; do
        kill -0 "$APP_PID" 2>/dev/null || { tail -20 "$log" >&2; die "the app exited during start-up"; }
        (( $(date +%s%N) - t0 > 300000000000 )) && die "not ready after 300 s"
        sleep 0.05
    done
    READY_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
    CPU_MS=$(cpu_ms "$APP_PID")
}
stop_app() { kill -TERM "$APP_PID"; wait "$APP_PID" || true; APP_PID=""; }

log "first start: migrates the empty database"
timed_start "$WORK/first.log"
FIRST="$READY_MS ms (CPU $CPU_MS ms)"
stop_app
log "first start ready after $FIRST"

if [[ " $VARIANTS " == *" appcds"* ]]; then
    log "AppCDS archive: static init only, as the Dockerfile makes it"
    rm -f "$APP_DIR/app-cds.jsa"   # the build's own, made from target/quarkus-app with relative paths
    # shellcheck disable=SC2086
    java $SHIPPED_GC -XX:ArchiveClassesAtExit="$APP_DIR/app-cds.jsa" -Dquarkus.appcds.generate=true \
        -jar "$APP_DIR/quarkus-run.jar" >"$WORK/appcds.log" 2>&1 || { tail -20 "$WORK/appcds.log" >&2; die "no archive"; }
    [[ -f "$APP_DIR/app-cds.jsa" ]] || die "no archive written"
    ARCHIVE_MB=$(( $(stat -c %s "$APP_DIR/app-cds.jsa") / 1048576 ))
fi
variant_opts() {
    case $1 in
        plain) ;;
        appcds) echo "-XX:SharedArchiveFile=$APP_DIR/app-cds.jsa" ;;
        # what the schema check costs: Hibernate's schema-management.strategy=validate switched off
        appcds-novalidate) echo "-XX:SharedArchiveFile=$APP_DIR/app-cds.jsa -Dquarkus.hibernate-orm.schema-management.strategy=none" ;;
        # a larger initial heap: with the shipped flags the heap starts at 1/64 of MaxRAM (12 MB) and grows in small
        # steps (MaxHeapFreeRatio=20), so start-up runs dozens of young and full collections
        appcds-heap) echo "-XX:SharedArchiveFile=$APP_DIR/app-cds.jsa -XX:InitialRAMPercentage=10" ;;
        *) die "unknown variant $1" ;;
    esac
}

declare -A READY CPU
ROWS_MD=""
for i in $(seq 1 "$STARTS"); do
    for v in $VARIANTS; do
        load=$(cut -d' ' -f1-3 /proc/loadavg)
        # shellcheck disable=SC2046
        timed_start "$WORK/$v-$i.log" $(variant_opts "$v")
        if grep -q 'Unable to use shared archive' "$WORK/$v-$i.log"; then die "the archive was not used ($v)"; fi
        stop_app
        READY[$v]+="$READY_MS "; CPU[$v]+="$CPU_MS "
        ROWS_MD+="| $i | $v | $READY_MS | $CPU_MS | $load |"$'\n'
        log "start $i $v: ready $READY_MS ms, CPU $CPU_MS ms (load $load)"
    done
done

stats() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{ a[NR] = $1 } END { printf "median %d (min %d, max %d)", a[int((NR + 1) / 2)], a[1], a[NR] }'; }
SUMMARY=""
for v in $VARIANTS; do
    SUMMARY+="- **$v**: ready ms $(stats "${READY[$v]}"); JVM CPU ms until ready $(stats "${CPU[$v]}")"$'\n'
done
printf '\n%s' "$SUMMARY"
{
    echo "# Start-up with an already running PostgreSQL, $(date +%F)"
    echo
    bench_machine_line
    echo
    echo "bench/startup.sh: prod profile, the database initialised (first start: $FIRST), PostgreSQL 17 (bundled"
    echo "binaries) running before each start. JVM: \`$JVM_OPTS $EXTRA_JVM_OPTS\`; appcds adds"
    echo "\`-XX:SharedArchiveFile=\` an archive of Quarkus's static init (${ARCHIVE_MB:-n/a} MB). Ready = \`java\` command to"
    echo "/q/health/ready 200, polled every 50 ms; CPU = utime + stime of the JVM at that moment. $STARTS starts each, interleaved."
    echo
    echo "$SUMMARY"
    echo "| start | variant | ready ms | JVM CPU ms | load average before |"
    echo "|---|---|---|---|---|"
    printf '%s' "$ROWS_MD"
} >"$RESULTS_FILE"
log "written to $RESULTS_FILE"
