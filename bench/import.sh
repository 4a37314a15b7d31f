#!/usr/bin/env bash
# Import benchmark (issue 14): rows per second of a 50,000-row 矛盾纠纷排查台账 (KIND=SCREENINGS, the default),
# 法律援助咨询台账 (KIND=CONSULTATIONS), 人民调解案件台账 (KIND=MEDIATION_CASES) or 法律援助案件台账 (KIND=AID_CASES),
# CSV UTF-8, imported by the demo county's 司法局 — the dry run, then the confirmed import — and the latency of other
# endpoints while it runs. Case rows name the demo's registered committees (each village's township committee and
# its mediator), 鹤庆县人民法院 (every tenth mediation case a 诉前委派 with its own 案号, every twentieth with 司法确认)
# and the county's law firm or centre as 承办机构.
#
#   bash bench/import.sh              # from the project root; needs a JDK 17, curl and psql
#
# Builds the app (unless SKIP_BUILD=1), starts it (dev profile: embedded PostgreSQL 17 + demo county) on a fresh
# temporary data folder, writes ROWS screening rows of last year over the county's 63 villages (each row distinct),
# measures two other endpoints with bench/LoadDriver.java before the import (baseline), uploads the file as
# `bureau`, times the dry run, confirms, measures the same endpoints while the import runs, and times the import
# until DONE. Also: the app's resident memory (VmRSS, and VmHWM, the peak) before the upload, after the dry run and
# after the import, the live heap after a full GC (jcmd) before the upload and while the import runs, and the statements the import ran (pg_stat_statements, loaded with
# -Dapp.embedded-db.statement-stats=true; the load runs' reads are not in that table: only writes and the import's
# look-ups are listed). Results: bench/results/import-<date>.md. Everything started is stopped on exit (bench/lib.sh).
# Knobs: KIND [SCREENINGS] ROWS [50000] VUS [4] LOAD_SECONDS [20] WARMUP_SECONDS [3] HTTP_PORT [18085] PG_PORT [55437] SKIP_BUILD [0]
#        APP_OPTS [] (e.g. -Dapp.onboarding.batch-size=500) RESULTS_SUFFIX [] (import-<date><suffix>.md)
set -Eeuo pipefail

ROWS=${ROWS:-50000}
KIND=${KIND:-SCREENINGS}
VUS=${VUS:-4}
LOAD_SECONDS=${LOAD_SECONDS:-20}
WARMUP_SECONDS=${WARMUP_SECONDS:-3}
APP_OPTS=${APP_OPTS:-}
READY_TIMEOUT_SECONDS=${READY_TIMEOUT_SECONDS:-600}  # the demo year is written before readiness

source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_init import "${HTTP_PORT:-18085}" "${PG_PORT:-55437}" awk
RESULTS_FILE="$RESULTS_DIR/import-$(date +%F)${RESULTS_SUFFIX:-}.md"
case "$KIND" in
    SCREENINGS) LABEL=矛盾纠纷排查台账; TABLE=med_screening; EVENT=MEDIATION_SCREENING ;;
    CONSULTATIONS) LABEL=法律援助咨询台账; TABLE=aid_consultation; EVENT=LEGAL_AID_CONSULTATION ;;
    MEDIATION_CASES) LABEL=人民调解案件台账; TABLE=med_dispute; EVENT=% ;;
    AID_CASES) LABEL=法律援助案件台账; TABLE=aid_application; EVENT=% ;;
    *) die "KIND must be SCREENINGS, CONSULTATIONS, MEDIATION_CASES or AID_CASES" ;;
esac

bench_build
# shellcheck disable=SC2086
# the demo's year of activity is written before the app answers (not in the background while we measure)
bench_start_app -Dapp.embedded-db.statement-stats=true -Dapp.demo.background=false $APP_OPTS
sql -c "create extension if not exists pg_stat_statements" >/dev/null
# memory of the app in MiB: "VmRSS/VmHWM" (current / peak resident set)
rss() { awk '/^VmRSS/ { r = $2 } /^VmHWM/ { h = $2 } END { printf "%.0f/%.0f", r / 1024, h / 1024 }' "/proc/$APP_PID/status"; }
# live heap in MiB: a full GC, then the heap used (what the app holds, not what the JVM has reserved)
heap_live() {
    jcmd "$APP_PID" GC.run >/dev/null 2>&1 || { echo n/a; return; }
    jcmd "$APP_PID" GC.heap_info 2>/dev/null | sed -n 's/.*heap .*used \([0-9]*\)K.*/\1/p' | head -n 1 \
        | awk '{ printf "%.0f", $1 / 1024 }'
}

YEAR=$(( $(date +%Y) - 1 ))
FILE="$WORK/rows.csv"
log "write $ROWS $LABEL rows of $YEAR to $FILE"
villages=$(sql_value "select string_agg(code, ' ' order by code) from region where code like '532932%' and level = 'VILLAGE'")
# for case rows: each village with its township's committee and that committee's mediator (names unique in the county)
committees=$(sql_value "select string_agg(v.code || '|' || o.name || '|' || coalesce((select min(a.display_name)
        from account a where a.organisation_id = o.id and a.kind = 'STAFF' and a.roles like '%MEDIATOR%'
        and (select count(*) from account b where b.organisation_id = o.id and b.display_name = a.display_name) = 1), ''),
        ' ' order by v.code)
    from region v join organisation o on o.type = 'MEDIATION_COMMITTEE' and o.committee_kind = 'TOWNSHIP'
        and o.region_code = substr(v.code, 1, 9) || '000'
    where v.code like '532932%' and v.level = 'VILLAGE'
        and (select count(*) from organisation x where x.name = o.name and x.type = 'MEDIATION_COMMITTEE') = 1")
awk -v rows="$ROWS" -v year="$YEAR" -v villages="$villages" -v committees="$committees" -v kind="$KIND" '
function date(offset,   m, d) { # the day of last year (offset 0 = 1 January), past 31 December into this year
    m = 1; d = offset + 1
    while (d > len[m]) { d -= len[m]; m++; if (m > 12) { m = 1; return sprintf("%d-%02d-%02d", year + 1, m, d) } }
    return sprintf("%d-%02d-%02d", year, m, d)
}
BEGIN {
    n = split(villages, v, " ")
    nc = split(committees, cv, " ")
    split("低 中 高", risk, " ")
    split("窗口 12348热线 网络 村居", channel, " ")
    split("劳动报酬 工伤 人身损害 赡养抚养扶养 社会保险救助 其他民事行政", matter, " ")
    split("31 28 31 30 31 30 31 31 30 31 30 31", len, " ")
    if (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) len[2] = 29
    split("来访 来电 主动调解", source, " ")
    split("邻里纠纷 婚姻家庭纠纷 损害赔偿纠纷", dtype, " ")
    split("民事行政代理 劳动争议调解与仲裁代理 值班律师法律帮助 代拟法律文书", service, " ")
    if (kind == "SCREENINGS") print "排查日期,排查地区代码,排查地点,走访户数,发现纠纷数,风险等级,备注"
    else if (kind == "CONSULTATIONS") print "咨询日期,咨询人所在区划代码,咨询渠道,事项类别,人次,摘要"
    else if (kind == "MEDIATION_CASES") print "受理日期,纠纷发生地区划代码,调委会名称,案件来源,移送单位,法院名称,法院案号,纠纷类型,纠纷简要情况,申请人,申请人身份证号,被申请人,被申请人身份证号,调解员,调解结果,协议形式,结案日期,司法确认申请日期,司法确认结果,司法确认裁定日期"
    else print "收到申请日期,受援人所在区划代码,受援人姓名,受援人身份证号,事项类别,服务形式,审查结果,决定日期,决定理由,承办机构,承办人,指派日期,结案日期,结案情况,挽回经济损失（元）,案情摘要"
    for (i = 0; i < rows; i++) {
        if (kind == "MEDIATION_CASES") {
            split(cv[1 + i % nc], c, "|")
            day = i % 365; court = (i % 10 == 0); ok = (i % 3 != 0); jc = ok && (i % 20 == 1)
            printf "%s,%s,%s,%s,,%s,%s,%s,批量纠纷第%d行,王某%d,,李某%d,,%s,%s,%s,%s,%s,%s,%s\n", date(day), c[1], c[2],
                court ? "诉前委派" : source[1 + i % 3], (court || jc) ? "鹤庆县人民法院" : "",
                court ? sprintf("(%d)云2932民诉前调批%d号", year, i) : "", dtype[1 + i % 3], i + 1, i, i, c[3],
                ok ? "调解成功" : "调解不成", ok ? (i % 2 ? "书面" : "口头") : "", date(day + i % 7),
                jc ? date(day + i % 7 + 2) : "", jc ? "确认有效" : "", jc ? date(day + i % 7 + 7) : ""
            continue
        }
        if (kind == "AID_CASES") {
            day = i % 365; granted = (i % 9 != 0); closed = granted && (i % 2 == 0)
            printf "%s,%s,受援人%d,,%s,%s,%s,%s,%s,%s,,%s,%s,%s,%s,批量案情第%d行\n", date(day), v[1 + i % n], i,
                matter[1 + i % 6], service[1 + i % 4], granted ? "给予" : "不予", date(day + 2),
                granted ? "" : "不符合经济困难标准", granted ? (i % 2 ? "云南鹤阳律师事务所" : "鹤庆县法律援助中心") : "",
                granted ? date(day + 3) : "", closed ? date(day + 20) : "", closed ? "调解和解" : "",
                closed ? "1000.50" : "", i + 1
            continue
        }
        day = i % 365
        m = 1; d = day + 1
        while (d > len[m]) { d -= len[m]; m++ }
        if (kind == "SCREENINGS")
            printf "%d-%02d-%02d,%s,村委会,%d,%d,%s,批量第%d行\n", year, m, d, v[1 + i % n], 10 + i % 50, i % 4, risk[1 + i % 3], i + 1
        else
            printf "%d-%02d-%02d,%s,%s,%s,%d,批量第%d行\n", year, m, d, v[1 + i % n], channel[1 + i % 4], matter[1 + i % 6], 1 + i % 3, i + 1
    }
}' >"$FILE"
log "file: $(wc -c <"$FILE") bytes, $(($(wc -l <"$FILE") - 1)) rows"

TOKEN=$(sign_in_staff bureau)
[[ -n "$TOKEN" ]] || die "sign-in of bureau failed"
SCREENINGS_URL="$BASE/api/mediation/screenings?limit=20"
REPORT_URL="$BASE/api/reports/annual?region=532932000000&year=$YEAR"

run_load "baseline: GET screenings list" "$VUS" "$WARMUP_SECONDS" get --url "$SCREENINGS_URL" --token "$TOKEN" --duration "$LOAD_SECONDS"
run_load "baseline: GET annual report" "$VUS" "$WARMUP_SECONDS" get --url "$REPORT_URL" --token "$TOKEN" --duration "$LOAD_SECONDS"

status_of() { curl -fsS "$BASE/api/imports/$1" -H "Authorization: Bearer $TOKEN" | sed 's/.*"status":"\([A-Z]*\)".*/\1/'; }
wait_status() { # ID STATUS... -> waits until the import has left VALIDATING/QUEUED/IMPORTING, dies unless one of STATUS
    local id=$1 s; shift
    while :; do
        s=$(status_of "$id")
        case "$s" in VALIDATING|QUEUED|IMPORTING) sleep 0.5 ;; *) break ;; esac
    done
    [[ " $* " == *" $s "* ]] || die "import $id ended $s: $(curl -fsS "$BASE/api/imports/$id" -H "Authorization: Bearer $TOKEN")"
}

log "upload and dry run"
RSS_BEFORE=$(rss)
HEAP_BEFORE=$(heap_live)
t0=$(now)
ID=$(curl -fsS "$BASE/api/imports?kind=$KIND&fileName=bench.csv" -H "Authorization: Bearer $TOKEN" \
    -H 'Content-Type: text/csv' --data-binary @"$FILE" | sed 's/.*"id":"\([^"]*\)".*/\1/')
[[ -n "$ID" ]] || die "upload failed"
wait_status "$ID" VALIDATED
DRY_SECONDS=$(elapsed "$t0" "$(now)")
log "dry run: $DRY_SECONDS s"
RSS_DRY=$(rss)
sql -c "select pg_stat_statements_reset()" >/dev/null

log "confirm and import (other endpoints measured meanwhile)"
t1=$(now)
curl -fsS -o /dev/null -X POST "$BASE/api/imports/$ID/confirm" -H "Authorization: Bearer $TOKEN" || die "confirm failed"
run_load "during import: GET screenings list" "$VUS" 0 get --url "$SCREENINGS_URL" --token "$TOKEN" --duration "$LOAD_SECONDS"
DONE_DURING=$(curl -fsS "$BASE/api/imports/$ID" -H "Authorization: Bearer $TOKEN" | sed 's/.*"rowsDone":\([0-9]*\).*/\1/')
HEAP_DURING=$(heap_live)
RSS_DURING=$(rss)
run_load "during import: GET annual report" "$VUS" 0 get --url "$REPORT_URL" --token "$TOKEN" --duration "$LOAD_SECONDS"
wait_status "$ID" DONE
IMPORT_SECONDS=$(elapsed "$t1" "$(now)")
RSS_DONE=$(rss)
created=$(sql_value "select count(*) from onboarding_imported_record where import_id = '$ID'")
records=$(sql_value "select count(*) from $TABLE s join onboarding_imported_record m on m.record_id = s.id::text where m.import_id = '$ID'")
events=$(sql_value "select count(*) from ledger_event e join onboarding_imported_record m on m.record_id = e.source_id::text where m.import_id = '$ID' and e.kind like '$EVENT'")
log "import: $IMPORT_SECONDS s, $created markers, $records records, $events ledger events"
STATEMENTS=$(sql -A -t -F ' | ' -c "select calls, rows, replace(left(regexp_replace(query, '\s+', ' ', 'g'), 100), '|', '/')
    from pg_stat_statements
    where query ~* '^\s*(insert|update|delete)'
        or query ~* 'reporting_closed_period|from region |onboarding_imported_record|nextval|from organisation |from account |work_calendar_day|court_case_number in'
    order by calls desc limit 20")

DRY_RPS=$(awk -v r="$ROWS" -v s="$DRY_SECONDS" 'BEGIN { printf "%.0f", r / s }')
IMPORT_RPS=$(awk -v r="$ROWS" -v s="$IMPORT_SECONDS" 'BEGIN { printf "%.0f", r / s }')
mkdir -p "$RESULTS_DIR"
{
    echo "# Import benchmark $(date +%F)"
    echo
    bench_machine_line
    echo
    echo "File: $ROWS rows of $LABEL ($YEAR), CSV UTF-8, $(wc -c <"$FILE") bytes; imported by \`bureau\`."
    echo
    echo "| phase | s | rows/s |"
    echo "|---|---:|---:|"
    echo "| upload + dry run (every row checked, nothing written) | $DRY_SECONDS | $DRY_RPS |"
    echo "| confirm → DONE (records, source markers, ledger events) | $IMPORT_SECONDS | $IMPORT_RPS |"
    echo
    echo "Created: $records records, $events ledger events, $created source markers. Rows done when the first load run ended: $DONE_DURING."
    echo
    echo "App memory (MiB, VmRSS/VmHWM = current/peak resident; no -Xmx, so the JVM grows its heap as it likes): before the upload $RSS_BEFORE, after the dry run $RSS_DRY, during the import $RSS_DURING, after it $RSS_DONE. Live heap after a full GC: $HEAP_BEFORE MiB before the upload, $HEAP_DURING MiB during the import (at $DONE_DURING rows done)."
    echo
    echo "Statements while the import ran (pg_stat_statements from the confirm on: every write, and the reads of regions, closed periods and markers — the annual report's own region and closure reads included):"
    echo
    echo "| calls | rows | statement |"
    echo "|---:|---:|---|"
    sed 's/^/| /; s/$/ |/' <<<"$STATEMENTS"
    echo
    echo "Other endpoints as \`bureau\`, $VUS virtual users, before and while the import runs:"
    echo
    echo "$TABLE_HEAD"
    printf '%s\n' "${ROWS_MD[@]}"
} >"$RESULTS_FILE"
cat "$RESULTS_FILE"
