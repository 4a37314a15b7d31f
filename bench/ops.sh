#!/usr/bin/env bash
# Operations rehearsal on the packaged application in the prod profile with the embedded PostgreSQL (the
# single-machine default), one run, figures printed and written to bench/results/ops-<date>.md:
#
#   1. first administrator: APP_BOOTSTRAP_ADMIN_* on the empty database, sign-in refused until the password is
#      changed over POST /api/auth/password;
#   2. graceful shutdown: LOAD_VUS clients sign in (bcrypt, audit row, refresh token) and read the directory
#      for LOAD_SECONDS, then SIGTERM. A watcher polls /q/health/ready like a load balancer; clients stop
#      sending once it reports DOWN. Every request sent before that must succeed. Peak RSS is sampled;
#   3. cold backup of the embedded database with the bundled binaries: the service is stopped, so the data
#      folder is consistent; tar it. Start the service again (the bootstrap is now refused), write more,
#      stop, restore the archive into a new folder, start it with the bundled binaries and count: the rows
#      present at backup time and none after.
#
#   bash bench/ops.sh          # from the project root; needs a JDK 17, curl, tar; SKIP_BUILD=1 reuses target/
# Knobs: LOAD_VUS [8] LOAD_SECONDS [20] HEAP [512m] HTTP_PORT [18088] PG_PORT [55440] SKIP_BUILD [0] RESULTS_TAG [] (results file ops-<date>-<tag>.md)
set -Eeuo pipefail

LOAD_VUS=${LOAD_VUS:-8}
LOAD_SECONDS=${LOAD_SECONDS:-20}
HEAP=${HEAP:-512m}
HTTP_PORT=${HTTP_PORT:-18088}
PG_PORT=${PG_PORT:-55440}
SKIP_BUILD=${SKIP_BUILD:-0}

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_init ops "$HTTP_PORT" "$PG_PORT" tar
DATA="$WORK/pg"   # where lib.sh's cleanup looks for a server left running
RESULTS_FILE=$(bench_results_file ops)

bench_build

ADMIN_PASSWORD_FILE="$WORK/admin-password"
printf 'Initial-%s1\n' "$(date +%s)" > "$ADMIN_PASSWORD_FILE"
INITIAL=$(head -1 "$ADMIN_PASSWORD_FILE")
CHOSEN="Chosen-pass-$(date +%s)"

start_app() {   # $1: log file
    env QUARKUS_PROFILE=prod QUARKUS_HTTP_PORT="$HTTP_PORT" \
        APP_EMBEDDED_DB_DATA_DIR="$DATA" APP_EMBEDDED_DB_PORT="$PG_PORT" \
        SMALLRYE_JWT_SIGN_KEY="$(cat src/test/resources/test-keys/private.pem)" \
        MP_JWT_VERIFY_PUBLICKEY="$(cat src/test/resources/test-keys/public.pem)" \
        APP_CRYPTO_KEYS="k1:$(head -c 32 /dev/urandom | base64)" APP_CRYPTO_ACTIVE_KEY_ID=k1 \
        APP_WECHAT_APP_ID=wx-rehearsal APP_WECHAT_SECRET=rehearsal \
        APP_BOOTSTRAP_ADMIN_USERNAME=admin APP_BOOTSTRAP_ADMIN_PASSWORD_FILE="$ADMIN_PASSWORD_FILE" \
        APP_BOOTSTRAP_ADMIN_REGION_CODE=530000000000 APP_BOOTSTRAP_ADMIN_REGION_NAME=云南省 \
        APP_BOOTSTRAP_ADMIN_ORGANISATION_NAME=云南省司法厅 \
        java -Xmx"$HEAP" -XX:+UseSerialGC -jar "$WORK/app/quarkus-run.jar" >"$1" 2>&1 &
    APP_PID=$!
    for _ in $(seq 1 240); do
        curl -fs "$BASE/q/health/ready" >/dev/null 2>&1 && return 0
        kill -0 "$APP_PID" 2>/dev/null || { tail -30 "$1" >&2; die "the application exited during start-up"; }
        sleep 0.5
    done
    die "not ready after 120 s"
}

sign_in() {   # $1 password -> HTTP status
    curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
        -d "{\"username\":\"admin\",\"password\":\"$1\"}" "$BASE/api/auth/staff"
}

count_rows() {  # $1 data folder: audit rows, read by starting the bundled server on it
    local out
    out=$(java -cp 'target/quarkus-app/lib/main/*' bench/SqlCount.java "$1" "$PG_PORT" \
        "select count(*) || ' audit rows, newest ' || coalesce(max(occurred_at)::text, '-') from audit_log" 2>"$WORK/count.err" \
        | tail -1)
    [[ "$out" == *"audit rows"* ]] || { tail -20 "$WORK/count.err" >&2; die "could not read $1"; }
    echo "$out"
}

# ---------------------------------------------------------------------------------------------- 1. bootstrap
log "start (prod profile, embedded PostgreSQL in $DATA, heap $HEAP)"
start_app "$WORK/app1.log"
BOOTSTRAP_LINE=$(grep -o 'Bootstrap: .*' "$WORK/app1.log" | head -1)
S1=$(sign_in "$INITIAL")
S2=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"currentPassword\":\"$INITIAL\",\"newPassword\":\"$CHOSEN\"}" "$BASE/api/auth/password")
S3=$(sign_in "$CHOSEN")
log "bootstrap: sign-in with the initial password $S1, change password $S2, sign-in with the new one $S3"
[[ "$S1" == 403 && "$S2" == 204 && "$S3" == 200 ]] || die "bootstrap path failed ($S1 $S2 $S3)"

# ---------------------------------------------------------------------------------------------- 2. shutdown
# One staff account per client: concurrent sign-ins of one account conflict on its version (409).
TOKEN=$(curl -s -H 'Content-Type: application/json' -d "{\"username\":\"admin\",\"password\":\"$CHOSEN\"}" \
    "$BASE/api/auth/staff" | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
ORG=$(curl -s "$BASE/api/organisations?region=530000000000" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])')
for c in $(seq 1 "$LOAD_VUS"); do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        -d "{\"username\":\"load$c\",\"password\":\"$CHOSEN\",\"displayName\":\"压测$c\",\"organisationId\":\"$ORG\",\"roles\":[\"BUREAU_ADMIN\"]}" \
        "$BASE/api/staff")
    [[ "$code" == 201 ]] || die "creating staff load$c answered $code"
done
STOP="$WORK/stop"
client() {   # $1 id: sends requests until $STOP exists; logs "status seconds" per request
    local i=0 out="$WORK/client-$1.txt" code
    while [[ ! -e "$STOP" ]]; do
        if (( i % 2 == 0 )); then
            code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 60 -H 'Content-Type: application/json' \
                -d "{\"username\":\"load$1\",\"password\":\"$CHOSEN\"}" "$BASE/api/auth/staff" || echo "000")
        else
            code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 60 "$BASE/api/organisations?region=530000000000" || echo "000")
        fi
        echo "$code $(date +%s.%N)" >> "$out"
        i=$((i + 1))
    done
}
watcher() {  # like a load balancer: stop routing once readiness is not 200
    local code
    while true; do
        code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$BASE/q/health/ready" || true)
        [[ "$code" == 503 || "$code" == 000 ]] && break   # DOWN, or nobody listening any more
        sleep 0.2
    done
    date +%s.%N > "$WORK/ready-down"; touch "$STOP"
}
rss_sampler() {
    local peak=0 rss
    while kill -0 "$APP_PID" 2>/dev/null; do
        rss=$(awk '/VmRSS/ {print $2}' "/proc/$APP_PID/status" 2>/dev/null || echo 0)
        (( rss > peak )) && peak=$rss && echo "$peak" > "$WORK/rss-peak-kb"
        sleep 0.25
    done
}
log "load: $LOAD_VUS clients for $LOAD_SECONDS s (sign-in with bcrypt + directory read)"
rss_sampler & SAMPLER=$!
for c in $(seq 1 "$LOAD_VUS"); do client "$c" & done
watcher & WATCHER=$!
sleep "$LOAD_SECONDS"
SIGTERM_AT=$(date +%s.%N)
log "SIGTERM to $APP_PID under load"
kill -TERM "$APP_PID"
wait "$APP_PID" || true
EXIT_AT=$(date +%s.%N)
APP_PID=""
wait "$WATCHER" 2>/dev/null || true
touch "$STOP"; wait
ALL=$(cat "$WORK"/client-*.txt | wc -l)
FAILED=$(cat "$WORK"/client-*.txt | awk '$1 !~ /^2/' | wc -l)
FAILURES=$(cat "$WORK"/client-*.txt | awk -v t="$SIGTERM_AT" '$1 !~ /^2/ {printf "HTTP %s at %+.1f s; ", $1, $2 - t}')
AFTER_TERM=$(cat "$WORK"/client-*.txt | awk -v t="$SIGTERM_AT" '$2 > t && $1 ~ /^2/' | wc -l)
READY_DOWN=$(awk -v t="$SIGTERM_AT" '{printf "%.1f", $1 - t}' "$WORK/ready-down")
EXIT_AFTER=$(awk -v a="$SIGTERM_AT" -v b="$EXIT_AT" 'BEGIN {printf "%.1f", b - a}')
PEAK_MB=$(awk '{printf "%d", $1 / 1024}' "$WORK/rss-peak-kb")
SHUTDOWN_LOG=$(grep -E 'stopped in|Shutdown|shutdown' "$WORK/app1.log" | tail -3 | sed 's/^/    /')
[[ "$FAILED" == 0 ]] || { log "failures (time relative to SIGTERM): $FAILURES"; cp "$WORK/app1.log" bench/results/ops-failed-app.log; }
log "requests $ALL, failed $FAILED, answered 2xx after SIGTERM $AFTER_TERM; readiness DOWN after $READY_DOWN s; exit after $EXIT_AFTER s; peak RSS $PEAK_MB MB"

# ---------------------------------------------------------------------------------------------- 3. backup
BACKUP="$WORK/backup.tar.gz"
AT_BACKUP=$(count_rows "$DATA")
tar -C "$WORK" -czf "$BACKUP" pg
log "cold backup: $(du -h "$BACKUP" | cut -f1) with $AT_BACKUP"
start_app "$WORK/app2.log"
REFUSED_LINE=$(grep -o 'Bootstrap refused: .*' "$WORK/app2.log" | head -1)
for _ in 1 2 3 4 5; do sign_in "$CHOSEN" >/dev/null; done
kill -TERM "$APP_PID"; wait "$APP_PID" || true; APP_PID=""
AFTER_MORE=$(count_rows "$DATA")
mkdir -p "$WORK/restore" && tar -C "$WORK/restore" -xzf "$BACKUP" && mv "$WORK/restore/pg" "$WORK/restored"
RESTORED=$(count_rows "$WORK/restored")
log "live database after 5 more sign-ins: $AFTER_MORE; restored from the backup: $RESTORED"
[[ "$RESTORED" == "$AT_BACKUP" ]] || die "the restored database differs from the backup point"
[[ "$FAILED" == 0 ]] || die "$FAILED requests failed during the shutdown"

mkdir -p bench/results
cat > "$RESULTS_FILE" <<MD
# Operations rehearsal ($(date '+%F %T %Z'), load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores shared with other builds)

Packaged application, prod profile, embedded PostgreSQL, \`-Xmx$HEAP -XX:+UseSerialGC\`, \`bash bench/ops.sh\`.

1. First administrator: \`$BOOTSTRAP_LINE\`
   sign-in with the initial password **$S1**, \`POST /api/auth/password\` **$S2**, sign-in with the new one **$S3**.
2. Graceful shutdown: $LOAD_VUS clients for $LOAD_SECONDS s, then SIGTERM. **$ALL requests, $FAILED failed**;
   $AFTER_TERM answered 2xx after the SIGTERM; readiness DOWN $READY_DOWN s after the SIGTERM; the process exited
   $EXIT_AFTER s after it. Peak RSS during the run: **$PEAK_MB MB**.
3. Cold backup of the embedded database (service stopped, \`tar\` of the data folder): at backup $AT_BACKUP;
   after restarting (\`$REFUSED_LINE\`) and 5 more sign-ins: $AFTER_MORE;
   restored into a new folder and started with the bundled binaries: **$RESTORED**.
MD
cat "$RESULTS_FILE"
