#!/usr/bin/env bash
# The patient service benchmark of issue 4, on the test cluster of scripts/test-postgres.sh
# (PostgreSQL 15 + PgBouncer in transaction mode; started if it is not running and then stopped
# at the end; a cluster that was already running is used and left running, never stopped):
# migrations applied with the release `patient` binary, 10,000 seeded patients
# (bench/patient/seed.sql), then in the same run
#   1. the anchor ../shared/bench/pgbench.sh (pgbench -S -c 8 through the same PgBouncer),
#   2. wrk -t1 -c32 --latency for SECONDS each against the release service (its pool goes through
#      the same PgBouncer): GET /api/patients/{random id 1..10000}, GET /api/patients (default
#      page), POST /api/patients (bench/patient/create.json),
# sampling the service's RSS (VmRSS every 0.1 s, VmHWM at the end) and the CPU time per request
# of every party (service, PgBouncer, PostgreSQL, load generator, and whatever else ran on the
# machine meanwhile: shared machines are noisy). Prints a summary with PASS/FAIL per target; the
# exit status only says whether the benchmark could run, never whether a target was met.
# Figures go to docs/benchmarks.md by hand. The shared parts live in bench/lib/service-bench.sh.
# usage: bench/patient.sh [seconds=15]
#   BENCH_LOG_LEVEL (default warning, as bench/http.sh), BENCH_KEEP_LOGS=1 keeps the work directory,
#   BENCH_ENV="DB_POOL_MAX=20 …" extra environment for the service.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED_DIR:-../shared}
SECS=${1:-15} CONNS=32 PATIENTS=10000 PG_CLIENTS=8
# the targets of issue 4
MIN_RATIO=0.5 MIN_LIST=3000 MIN_CREATE=2000 MAX_P99_MS=10 MAX_RSS_MIB=40

. bench/lib/service-bench.sh
bench_init patient wrk pgbench psql curl
bench_build patient
bench_cluster_start

echo "applying the patient migrations..." >&2
"$BIN/patient" migrate up >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log" >&2; exit 1; }
echo "seeding $PATIENTS patients..." >&2
psql "$DIRECT" -q -v n="$PATIENTS" -f bench/patient/seed.sql >/dev/null
bench_pgbench_init

bench_free_port 18201
# The peers are not called by these three endpoints; the service only requires their URLs. The
# importer gets empty local folders (its first cycle finds nothing).
# shellcheck disable=SC2086
env LOG_LEVEL="${BENCH_LOG_LEVEL:-warning}" SERVICE_HOST=127.0.0.1 PATIENT_SERVICE_INTERNAL_PORT="$PORT" \
  MATCHING_SERVICE_URL=http://127.0.0.1:9/ COMMUNICATION_SERVICE_URL=http://127.0.0.1:9/ \
  PATIENT_IMPORT_LOCAL_PATH="$WORK/imports" PATIENT_IMPORT_CHECK_INTERVAL_SECONDS=3600 HMAC_SECRET_KEY=bench \
  OBJECT_STORAGE_BACKEND=local OBJECT_STORAGE_LOCAL_PATH="$WORK/storage" ${BENCH_ENV:-} \
  "$BIN/patient" >"$WORK/service.log" 2>&1 &
PID=$!
bench_wait_ready

check 200 GET /api/patients/1
check 200 GET "/api/patients/$PATIENTS"
check 200 GET /api/patients
check 201 POST /api/patients @bench/patient/create.json
psql "$DIRECT" -qc "DELETE FROM patient_service.patienten WHERE id > $PATIENTS" >/dev/null

bench_anchor
run by-id /api/patients/1 bench/patient/get-by-id.lua "$PATIENTS"
run list /api/patients
run create /api/patients bench/patient/create.lua bench/patient/create.json
HWM=$(awk '/^VmHWM/{printf "%.1f", $2/1024}' "/proc/$PID/status")
created=$(psql "$DIRECT" -Atc "SELECT count(*) FROM patient_service.patienten WHERE id > $PATIENTS")

# --- summary ------------------------------------------------------------------------------------
echo
echo "# patient service: $PATIENTS patients, wrk -t1 -c$CONNS -d${SECS}s; $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$anchor"
bench_table "by-id=GET /api/patients/{id}" "list=GET /api/patients" "create=POST /api/patients"
echo "(client = pgbench or wrk; other = everything else busy on the machine meanwhile, per request;"
echo " POST created $created rows; service VmHWM after all runs $HWM MiB)"

ratio=$(ratio_of "${RPS[by-id]}" "$anchor_tps")
peak=$(printf '%s\n' "${RSS[@]}" "$HWM" | sort -n | tail -1)
echo
echo "# targets (issue 4)"
target "GET /api/patients/{id}: ${RPS[by-id]} req/s = $ratio x pgbench -S, >= $MIN_RATIO x" \
  "$(( $(ge "$ratio" $MIN_RATIO) & $(clean by-id) ))"
target "GET /api/patients: ${RPS[list]} req/s, >= $MIN_LIST" "$(( $(ge "${RPS[list]}" $MIN_LIST) & $(clean list) ))"
target "POST /api/patients: ${RPS[create]} req/s, >= $MIN_CREATE" "$(( $(ge "${RPS[create]}" $MIN_CREATE) & $(clean create) ))"
for name in by-id list create; do target "p99 $name: ${P99[$name]} ms, <= $MAX_P99_MS ms" "$(le "${P99[$name]}" $MAX_P99_MS)"; done
target "service RSS under load: peak $peak MiB, <= $MAX_RSS_MIB MiB" "$(le "$peak" $MAX_RSS_MIB)"
exit 0
