#!/usr/bin/env bash
# The patient service benchmark of issue 4, on a throwaway cluster (scripts/test-postgres.sh:
# PostgreSQL 15 + PgBouncer in transaction mode): migrations applied with the release `patient`
# binary, 10,000 seeded patients (bench/patient/seed.sql), then in the same run
#   1. the anchor ../shared/bench/pgbench.sh (pgbench -S -c 8 through the same PgBouncer),
#   2. wrk -t1 -c32 --latency for SECONDS each against the release service (its pool goes through
#      the same PgBouncer): GET /api/patients/{random id 1..10000}, GET /api/patients (default
#      page), POST /api/patients (bench/patient/create.json),
# sampling the service's RSS (VmRSS every 0.1 s, VmHWM at the end) and the CPU time per request
# of every party (service, PgBouncer, PostgreSQL, load generator, and whatever else ran on the
# machine meanwhile: shared machines are noisy). Prints a summary with PASS/FAIL per target; the
# exit status only says whether the benchmark could run, never whether a target was met.
# Figures go to docs/benchmarks.md by hand.
# usage: bench/patient.sh [seconds=15]
#   BENCH_LOG_LEVEL (default warning, as bench/http.sh), BENCH_KEEP_LOGS=1 keeps the work directory,
#   BENCH_ENV="DB_POOL_MAX=20 …" extra environment for the service.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED_DIR:-../shared}
SECS=${1:-15} CONNS=32 PATIENTS=10000 PG_CLIENTS=8
# the targets of issue 4
MIN_RATIO=0.5 MIN_LIST=3000 MIN_CREATE=2000 MAX_P99_MS=10 MAX_RSS_MIB=40

for tool in wrk pgbench psql curl; do
  command -v $tool >/dev/null || { echo "$tool missing (make bench-patient installs it)" >&2; exit 2; }
done
swift build -c release --static-swift-stdlib --product patient >/dev/null
BIN=$(swift build -c release --static-swift-stdlib --show-bin-path)

WORK=$(mktemp -d /tmp/patient-bench.XXXXXX)
PID="" SAMPLER=""
cleanup() {
  [ -z "$SAMPLER" ] || kill "$SAMPLER" 2>/dev/null || true
  if [ -n "$PID" ]; then kill "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  scripts/test-postgres.sh stop || true
  if [ "${BENCH_KEEP_LOGS:-0}" = 1 ]; then echo "work directory kept: $WORK" >&2; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "starting PostgreSQL + PgBouncer (scripts/test-postgres.sh)..." >&2
eval "$(scripts/test-postgres.sh start)"
export DB_HOST=$TEST_DB_HOST DB_PORT=$TEST_DB_PORT DB_NAME=$TEST_DB_NAME DB_USER=$TEST_DB_USER \
  DB_PASSWORD=$TEST_DB_PASSWORD PGBOUNCER_HOST=$TEST_PGBOUNCER_HOST PGBOUNCER_PORT=$TEST_PGBOUNCER_PORT
CONN="host=$PGBOUNCER_HOST port=$PGBOUNCER_PORT dbname=$DB_NAME user=$DB_USER password=$DB_PASSWORD"
DIRECT="host=$DB_HOST port=$DB_PORT dbname=$DB_NAME user=$DB_USER password=$DB_PASSWORD"
PG_ROOT=.run/test-postgres

echo "applying the patient migrations..." >&2
"$BIN/patient" migrate up >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log" >&2; exit 1; }
echo "seeding $PATIENTS patients..." >&2
psql "$DIRECT" -q -v n="$PATIENTS" -f bench/patient/seed.sql >/dev/null
# pgbench.sh would create its tables inside its timing run; do it here (scale 10, as bench/pg.sh).
echo "initialising pgbench tables (scale 10)..." >&2
pgbench -i -s 10 -q "$CONN" >/dev/null 2>&1
psql "$DIRECT" -qc "VACUUM ANALYZE" >/dev/null 2>&1 || true

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
PORT=${BENCH_PORT:-18201}; while ! port_free "$PORT"; do PORT=$((PORT + 1)); done
URL="http://127.0.0.1:$PORT"
# The peers are not called by these three endpoints; the service only requires their URLs. The
# importer gets empty local folders (its first cycle finds nothing).
# shellcheck disable=SC2086
env LOG_LEVEL="${BENCH_LOG_LEVEL:-warning}" SERVICE_HOST=127.0.0.1 PATIENT_SERVICE_INTERNAL_PORT="$PORT" \
  MATCHING_SERVICE_URL=http://127.0.0.1:9/ COMMUNICATION_SERVICE_URL=http://127.0.0.1:9/ \
  PATIENT_IMPORT_LOCAL_PATH="$WORK/imports" PATIENT_IMPORT_CHECK_INTERVAL_SECONDS=3600 HMAC_SECRET_KEY=bench \
  OBJECT_STORAGE_BACKEND=local OBJECT_STORAGE_LOCAL_PATH="$WORK/storage" ${BENCH_ENV:-} \
  "$BIN/patient" >"$WORK/service.log" 2>&1 &
PID=$!
for _ in $(seq 200); do curl -fs "$URL/health/ready" >/dev/null 2>&1 && break; sleep 0.05; done
curl -fs "$URL/health/ready" >/dev/null || { echo "service not ready:" >&2; tail -20 "$WORK/service.log" >&2; exit 1; }

# One request of each kind first: the load must be answered with the intended status.
check() { # expected-status method path [curl --data-binary argument]
  local got
  got=$(curl -s -o "$WORK/check.json" -w '%{http_code}' -X "$2" -H 'Content-Type: application/json' \
    ${4:+--data-binary "$4"} "$URL$3")
  [ "$got" = "$1" ] || { echo "$2 $3 answered $got, expected $1:" >&2; head -c 400 "$WORK/check.json" >&2; echo >&2; exit 1; }
}
check 200 GET /api/patients/1
check 200 GET "/api/patients/$PATIENTS"
check 200 GET /api/patients
check 201 POST /api/patients @bench/patient/create.json
psql "$DIRECT" -qc "DELETE FROM patient_service.patienten WHERE id > $PATIENTS" >/dev/null

# --- accounting -------------------------------------------------------------------------------
TICK=$(getconf CLK_TCK)
ticks_of() { for p in "$@"; do cat "/proc/$p/stat" 2>/dev/null; done | awk '{s += $14 + $15} END{print s + 0}'; }
pg_pids() { local pm; pm=$(head -1 "$PG_ROOT/data/postmaster.pid"); echo "$pm" $(ps -o pid= --ppid "$pm"); }
# service, PgBouncer, PostgreSQL (postmaster + backends) and the machine's busy time, in ticks
snapshot() {
  echo "$(ticks_of "$PID") $(ticks_of "$(cat "$PG_ROOT/pgbouncer.pid")") $(ticks_of $(pg_pids))" \
    "$(awk '/^cpu /{print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat)"
}
# CPU µs per request: service bouncer postgres client other (other = machine busy − the four)
per_request() { # before after client-seconds requests
  awk -v b="$1" -v a="$2" -v c="$3" -v r="$4" -v t="$TICK" 'BEGIN{
    split(b, x, " "); split(a, y, " "); k = 1e6 / t / r
    s = (y[1]-x[1])*k; p = (y[2]-x[2])*k; g = (y[3]-x[3])*k; w = c*1e6/r; m = (y[4]-x[4])*k
    o = m - s - p - g - w; if (o < 0) o = 0
    printf "%.0f %.0f %.0f %.0f %.0f", s, p, g, w, o }'
}
timed() { # runs "$@" with stdout to $WORK/out and its user+sys seconds to $WORK/client
  local TIMEFORMAT='%U %S'
  { time "$@" >"$WORK/out"; } 2>"$WORK/time.raw"
  tail -1 "$WORK/time.raw" | awk '{print $1 + $2}' >"$WORK/client"
}

# --- anchor -------------------------------------------------------------------------------------
echo "anchor: pgbench -S -c $PG_CLIENTS for ${SECS}s through PgBouncer..." >&2
before=$(snapshot)
timed bash "$SHARED/bench/pgbench.sh" "$CONN" "$PG_CLIENTS" "$SECS"
after=$(snapshot)
anchor=$(cat "$WORK/out")
anchor_tps=$(sed -E 's/.*TPS ([0-9]+).*/\1/' <<<"$anchor")
ANCHOR_CPU=$(per_request "$before" "$after" "$(cat "$WORK/client")" "$((anchor_tps * SECS))")

# --- endpoints ----------------------------------------------------------------------------------
to_ms() { # wrk prints 812.00us / 1.23ms / 1.02s / 1.10m
  awk -v v="$1" 'BEGIN{ if (v ~ /us$/) printf "%.2f", v/1000; else if (v ~ /ms$/) printf "%.2f", v+0;
    else if (v ~ /m$/) printf "%.2f", v*60000; else printf "%.2f", v*1000 }'
}
declare -A RPS P50 P99 BAD CPU RSS
run() { # name path [lua script] [script argument]
  local name=$1 script=${3:-} out peak before after
  echo "wrk -t1 -c$CONNS -d${SECS}s --latency: $name..." >&2
  ( while :; do awk '/^VmRSS/{print $2}' "/proc/$PID/status"; sleep 0.1; done ) >"$WORK/rss.$name" 2>/dev/null &
  SAMPLER=$!
  before=$(snapshot)
  timed wrk -t1 -c"$CONNS" -d"${SECS}s" --timeout 5s --latency ${script:+-s "$script"} "$URL$2" ${4:+-- "$4"}
  after=$(snapshot)
  kill "$SAMPLER" 2>/dev/null; wait "$SAMPLER" 2>/dev/null || true; SAMPLER=""
  out=$(cat "$WORK/out"); echo "$out" >"$WORK/wrk.$name"
  RPS[$name]=$(awk '/^Requests\/sec/{printf "%d", $2}' <<<"$out")
  P50[$name]=$(to_ms "$(awk '$1=="50%"{print $2}' <<<"$out")")
  P99[$name]=$(to_ms "$(awk '$1=="99%"{print $2}' <<<"$out")")
  # non-2xx answers and socket errors (connect/read/write/timeout) count as failed requests
  BAD[$name]=$(awk '/Non-2xx/{n+=$NF} /Socket errors/{gsub(/,/,""); n+=$4+$6+$8+$10} END{print n+0}' <<<"$out")
  CPU[$name]=$(per_request "$before" "$after" "$(cat "$WORK/client")" "$(awk '/requests in/{print $1}' <<<"$out")")
  peak=$(sort -n "$WORK/rss.$name" | tail -1)
  RSS[$name]=$(awk -v k="${peak:-0}" 'BEGIN{printf "%.1f", k/1024}')
}
run by-id /api/patients/1 bench/patient/get-by-id.lua "$PATIENTS"
run list /api/patients
run create /api/patients bench/patient/create.lua bench/patient/create.json
HWM=$(awk '/^VmHWM/{printf "%.1f", $2/1024}' "/proc/$PID/status")
created=$(psql "$DIRECT" -Atc "SELECT count(*) FROM patient_service.patienten WHERE id > $PATIENTS")

# --- summary ------------------------------------------------------------------------------------
echo
echo "# patient service: $PATIENTS patients, wrk -t1 -c$CONNS -d${SECS}s; $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$anchor"
row() { printf '%-24s %8s %7s %7s %6s %6s %6s %6s %6s %6s %5s\n' "$@"; }
printf '%-24s %8s %7s %7s %6s  %-34s %5s\n' "" "" "" "" "" "---- CPU µs per request ----" "peak"
row "" "req/s" "p50 ms" "p99 ms" errors service bouncr postgr client other "RSS"
# shellcheck disable=SC2086
row "pgbench -S (anchor)" "$anchor_tps" "" "" "" "-" $(cut -d' ' -f2- <<<"$ANCHOR_CPU") ""
# shellcheck disable=SC2086
for name in by-id list create; do
  case $name in by-id) label="GET /api/patients/{id}";; list) label="GET /api/patients";; create) label="POST /api/patients";; esac
  row "$label" "${RPS[$name]}" "${P50[$name]}" "${P99[$name]}" "${BAD[$name]}" ${CPU[$name]} "${RSS[$name]}"
done
echo "(client = pgbench or wrk; other = everything else busy on the machine meanwhile, per request;"
echo " POST created $created rows; service VmHWM after all runs $HWM MiB)"

verdict() { [ "$1" = 1 ] && echo PASS || echo FAIL; }
ge() { awk -v a="$1" -v b="$2" 'BEGIN{print (a >= b) ? 1 : 0}'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN{print (a <= b) ? 1 : 0}'; }
clean() { [ "${BAD[$1]}" = 0 ] && echo 1 || echo 0; }
ratio=$(awk -v a="${RPS[by-id]}" -v b="$anchor_tps" 'BEGIN{printf "%.2f", a/b}')
peak=$(printf '%s\n' "${RSS[@]}" "$HWM" | sort -n | tail -1)
echo
echo "# targets (issue 4)"
target() { printf '%-64s %s\n' "$1" "$(verdict "$2")"; }
target "GET /api/patients/{id}: ${RPS[by-id]} req/s = $ratio x pgbench -S, >= $MIN_RATIO x" \
  "$(( $(ge "$ratio" $MIN_RATIO) & $(clean by-id) ))"
target "GET /api/patients: ${RPS[list]} req/s, >= $MIN_LIST" "$(( $(ge "${RPS[list]}" $MIN_LIST) & $(clean list) ))"
target "POST /api/patients: ${RPS[create]} req/s, >= $MIN_CREATE" "$(( $(ge "${RPS[create]}" $MIN_CREATE) & $(clean create) ))"
for name in by-id list create; do target "p99 $name: ${P99[$name]} ms, <= $MAX_P99_MS ms" "$(le "${P99[$name]}" $MAX_P99_MS)"; done
target "service RSS under load: peak $peak MiB, <= $MAX_RSS_MIB MiB" "$(le "$peak" $MAX_RSS_MIB)"
exit 0
