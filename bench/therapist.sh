#!/usr/bin/env bash
# The therapist service benchmark of issue 5, on the test cluster of scripts/test-postgres.sh
# (PostgreSQL 15 + PgBouncer in transaction mode; started if it is not running and then stopped
# at the end; a cluster that was already running is used and left running, never stopped):
# migrations applied with the release `therapist` binary, 2,000 seeded therapists on real German
# postal codes (bench/therapist/seed.sql with ../shared/data/plz-centroids-de.json: 2 % in PLZ
# region 52, ~80 % aktiv), then in the same run
#   1. the anchor ../shared/bench/pgbench.sh (pgbench -S -c 8 through the same PgBouncer),
#   2. wrk -t1 -c32 --latency for SECONDS each against the release service (its pool goes through
#      the same PgBouncer): GET /api/therapists/{random id 1..2000}, the matching service's
#      selection list GET /api/therapists?status=aktiv&plz_prefix=52&limit=1000, and the default
#      list GET /api/therapists (first page of 20, no filter),
# sampling the service's RSS and the CPU time per request of every party, as bench/patient.sh
# does (the shared parts live in bench/lib/service-bench.sh). Prints a summary with PASS/FAIL per
# target; the exit status only says whether the benchmark could run, never whether a target was
# met. Figures go to docs/benchmarks.md by hand.
# usage: bench/therapist.sh [seconds=15]
#   BENCH_LOG_LEVEL (default warning), BENCH_KEEP_LOGS=1 keeps the work directory,
#   BENCH_ENV="DB_POOL_MAX=20 …" extra environment for the service.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED_DIR:-../shared}
SECS=${1:-15} CONNS=32 THERAPISTS=2000 PG_CLIENTS=8
PLZ_FILE=$SHARED/data/plz-centroids-de.json
SELECTION="/api/therapists?status=aktiv&plz_prefix=52&limit=1000"
# the targets of issue 5
MIN_RATIO=0.5 MIN_SELECTION=1500 MAX_SELECTION_P99_MS=20

. bench/lib/service-bench.sh
[ -r "$PLZ_FILE" ] || { echo "$PLZ_FILE missing (the seed places therapists on its postal codes)" >&2; exit 2; }
bench_init therapist wrk pgbench psql curl
bench_build therapist
bench_cluster_start

echo "applying the therapist migrations..." >&2
"$BIN/therapist" migrate up >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log" >&2; exit 1; }
echo "seeding $THERAPISTS therapists..." >&2
psql "$DIRECT" -q -v n="$THERAPISTS" -v plz_file="$PLZ_FILE" -f bench/therapist/seed.sql >/dev/null
bench_pgbench_init

bench_free_port 18211
mkdir -p "$WORK/import" "$WORK/pdfs"
# The peers are not called by these endpoints; the service only requires their URLs. The
# importer gets an empty folder and a check interval of a day (its first cycle finds nothing).
# shellcheck disable=SC2086
env LOG_LEVEL="${BENCH_LOG_LEVEL:-warning}" SERVICE_HOST=127.0.0.1 THERAPIST_SERVICE_INTERNAL_PORT="$PORT" \
  MATCHING_SERVICE_URL=http://127.0.0.1:9/ COMMUNICATION_SERVICE_URL=http://127.0.0.1:9/ \
  THERAPIST_IMPORT_FOLDER_PATH="$WORK/import" THERAPIST_IMPORT_CHECK_INTERVAL_SECONDS=86400 \
  THERAPIST_PDF_STORAGE_PATH="$WORK/pdfs" ${BENCH_ENV:-} \
  "$BIN/therapist" >"$WORK/service.log" 2>&1 &
PID=$!
bench_wait_ready

check 200 GET /api/therapists/1
check 200 GET "/api/therapists/$THERAPISTS"
check 200 GET "$SELECTION"
selection_bytes=$(wc -c <"$WORK/check.json")
selected=$(psql "$DIRECT" -Atc "SELECT count(*) FROM therapist_service.therapeuten WHERE status = 'aktiv' AND plz LIKE '52%'")
in_52=$(psql "$DIRECT" -Atc "SELECT count(*) FROM therapist_service.therapeuten WHERE plz LIKE '52%'")
check 200 GET /api/therapists
default_bytes=$(wc -c <"$WORK/check.json")

bench_anchor
run by-id /api/therapists/1 bench/therapist/get-by-id.lua "$THERAPISTS"
run selection "$SELECTION"
run list /api/therapists
HWM=$(awk '/^VmHWM/{printf "%.1f", $2/1024}' "/proc/$PID/status")

# --- summary ------------------------------------------------------------------------------------
echo
echo "# therapist service: $THERAPISTS therapists, wrk -t1 -c$CONNS -d${SECS}s; $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$anchor"
BENCH_LABEL_WIDTH=32
bench_table "by-id=GET /api/therapists/{id}" "selection=GET /api/therapists (selection)" \
  "list=GET /api/therapists (default)"
echo "(client = pgbench or wrk; other = everything else busy on the machine meanwhile, per request;"
echo " selection = ?status=aktiv&plz_prefix=52&limit=1000: $selected of the $in_52 therapists in PLZ 52…,"
echo " $selection_bytes bytes; default = first 20 of $THERAPISTS, $default_bytes bytes; service VmHWM after all runs $HWM MiB)"

ratio=$(ratio_of "${RPS[by-id]}" "$anchor_tps")
echo
echo "# targets (issue 5)"
target "GET /api/therapists/{id}: ${RPS[by-id]} req/s = $ratio x pgbench -S, >= $MIN_RATIO x" \
  "$(( $(ge "$ratio" $MIN_RATIO) & $(clean by-id) ))"
target "GET /api/therapists (selection): ${RPS[selection]} req/s, >= $MIN_SELECTION" \
  "$(( $(ge "${RPS[selection]}" $MIN_SELECTION) & $(clean selection) ))"
target "p99 selection: ${P99[selection]} ms, <= $MAX_SELECTION_P99_MS ms" "$(le "${P99[selection]}" $MAX_SELECTION_P99_MS)"
exit 0
