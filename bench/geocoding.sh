#!/usr/bin/env bash
# The geocoding service benchmark of issue 6, on the test cluster of scripts/test-postgres.sh
# (started if not running and then stopped; a running cluster is used and left running):
# migrations applied with the release `geocoding` binary, all German PLZ centroids imported with
# `geocoding import-plz ../shared/data/plz-centroids-de.json`, the service started with OSRM and
# Nominatim pointing at a closed port (so no request leaves the machine), then
#   1. wrk -t1 -c64 --latency: GET /api/calculate-plz-distance with random PLZ pairs
#      (bench/geocoding/plz-pairs.lua): centroids are held in memory,
#   2. wrk -t1 -c64 --latency: GET /api/calculate-distance for one coordinate pair, warmed once
#      (the first request computes the straight line and caches it): every request a cache hit,
# sampling RSS and CPU per request as the other service benchmarks do (bench/lib/service-bench.sh).
# Prints PASS/FAIL per target; the exit status only says whether the benchmark could run.
# The pgbench -S anchor of the other benchmarks runs too, for context (no target is a ratio).
# usage: bench/geocoding.sh [seconds=15]
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED_DIR:-../shared}
SECS=${1:-15} CONNS=64 PG_CLIENTS=8
PLZ_FILE=$SHARED/data/plz-centroids-de.json
DISTANCE="/api/calculate-distance?origin_lat=50.776&origin_lon=6.084&destination_lat=52.532&destination_lon=13.385"
# the targets of issue 6
MIN_PLZ=15000 MAX_PLZ_P99_MS=5 MIN_DISTANCE=8000

. bench/lib/service-bench.sh
[ -r "$PLZ_FILE" ] || { echo "$PLZ_FILE missing" >&2; exit 2; }
bench_init geocoding wrk pgbench psql curl python3
bench_build geocoding
bench_cluster_start

echo "applying the geocoding migrations and importing the PLZ centroids..." >&2
"$BIN/geocoding" migrate up >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log" >&2; exit 1; }
GEO_ENV=(OSM_API_URL=http://127.0.0.1:9 OSRM_API_URL=http://127.0.0.1:9 OSM_USER_AGENT=curavani-bench OSM_MAX_RETRIES=1
         OSM_TIMEOUT=1 OSM_RATE_LIMIT=1000)
env "${GEO_ENV[@]}" "$BIN/geocoding" import-plz "$PLZ_FILE" >"$WORK/import.json" 2>"$WORK/import.log" \
  || { cat "$WORK/import.log" >&2; exit 1; }
python3 -c 'import json,sys; print("\n".join(sorted({r["zipcode"] for r in json.load(open(sys.argv[1]))})))' "$PLZ_FILE" \
  >"$WORK/plz.txt"
bench_pgbench_init

bench_free_port 18215
# shellcheck disable=SC2086
env LOG_LEVEL="${BENCH_LOG_LEVEL:-warning}" SERVICE_HOST=127.0.0.1 GEOCODING_SERVICE_INTERNAL_PORT="$PORT" \
  "${GEO_ENV[@]}" ${BENCH_ENV:-} "$BIN/geocoding" >"$WORK/service.log" 2>&1 &
PID=$!
bench_wait_ready

check 200 GET "/api/calculate-plz-distance?origin_plz=52062&destination_plz=10115"
check 200 GET "$DISTANCE"
check 200 GET "$DISTANCE"
grep -q '"source":"cache"' "$WORK/check.json" || { echo "the second distance request was no cache hit:" >&2; cat "$WORK/check.json" >&2; exit 1; }

bench_anchor  # for context only: no target of issue 6 is a ratio
run plz /api/calculate-plz-distance bench/geocoding/plz-pairs.lua "$WORK/plz.txt"
run distance "$DISTANCE"
HWM=$(awk '/^VmHWM/{printf "%.1f", $2/1024}' "/proc/$PID/status")

echo
echo "# geocoding service: $(wc -l <"$WORK/plz.txt") PLZ centroids, wrk -t1 -c$CONNS -d${SECS}s; $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$anchor"
echo "import: $(cat "$WORK/import.json")"
BENCH_LABEL_WIDTH=36
bench_table "plz=GET /api/calculate-plz-distance" "distance=GET /api/calculate-distance (hit)"
echo "(client = wrk; other = everything else busy on the machine meanwhile, per request; service VmHWM $HWM MiB)"
echo
echo "# targets (issue 6)"
target "calculate-plz-distance: ${RPS[plz]} req/s, >= $MIN_PLZ" "$(( $(ge "${RPS[plz]}" $MIN_PLZ) & $(clean plz) ))"
target "p99 calculate-plz-distance: ${P99[plz]} ms, <= $MAX_PLZ_P99_MS ms" "$(le "${P99[plz]}" $MAX_PLZ_P99_MS)"
target "calculate-distance (cache hit): ${RPS[distance]} req/s, >= $MIN_DISTANCE" \
  "$(( $(ge "${RPS[distance]}" $MIN_DISTANCE) & $(clean distance) ))"
exit 0
