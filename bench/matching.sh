#!/usr/bin/env bash
# The matching service benchmark of issue 8, on the test cluster of scripts/test-postgres.sh
# (started if not running and then stopped; a running cluster is used and left running):
# release binaries of patient, therapist, geocoding and matching; 10,000 patients
# (bench/patient/seed.sql), 2,000 therapists on real postal codes (bench/therapist/seed.sql),
# all German PLZ centroids in the geocoding service (OSRM/Nominatim at a closed port: distances
# are straight lines between PLZ centroids, as on a machine without the OSM services), one active
# Platzsuche per patient (oldest first by patient id); the four services run as real processes
# talking HTTP. Then
#   1. wrk -t1 -c32 --latency: GET /api/therapeuten-zur-auswahl?plz_prefix=NN with random
#      prefixes that hold active therapists (bench/matching/prefixes.lua),
#   2. the geocoding cache warmed by one bundle creation per active therapist of PLZ 52…, then
#      wrk -t1 -c1 --latency (one creation at a time): POST erstellen-fuer-therapeut for random
#      therapists of PLZ 52… (bench/matching/bundle.lua).
# Prints PASS/FAIL per target; the exit status only says whether the benchmark could run.
# usage: bench/matching.sh [seconds=15]
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED_DIR:-../shared}
SECS=${1:-15} CONNS=32 PG_CLIENTS=8
PATIENTS=10000 THERAPISTS=2000
PLZ_FILE=$SHARED/data/plz-centroids-de.json
# the targets of issue 8
MIN_SELECTION=1000 MAX_SELECTION_P99_MS=50 MAX_BUNDLE_P99_MS=50

. bench/lib/service-bench.sh
[ -r "$PLZ_FILE" ] || { echo "$PLZ_FILE missing" >&2; exit 2; }
bench_init matching wrk pgbench psql curl
for product in patient therapist geocoding; do swift build -c release --static-swift-stdlib --product "$product" >/dev/null; done
bench_build matching
bench_cluster_start

echo "migrating and seeding $PATIENTS patients, $THERAPISTS therapists, the PLZ centroids and $PATIENTS searches..." >&2
GEO_ENV=(OSM_API_URL=http://127.0.0.1:9 OSRM_API_URL=http://127.0.0.1:9 OSM_USER_AGENT=curavani-bench OSM_MAX_RETRIES=1
         OSM_TIMEOUT=1 OSM_RATE_LIMIT=1000)
for service in patient therapist geocoding matching; do
  "$BIN/$service" migrate up >"$WORK/migrate-$service.log" 2>&1 || { cat "$WORK/migrate-$service.log" >&2; exit 1; }
done
psql "$DIRECT" -q -v n="$PATIENTS" -f bench/patient/seed.sql >/dev/null
psql "$DIRECT" -q -v n="$THERAPISTS" -v plz_file="$PLZ_FILE" -f bench/therapist/seed.sql >/dev/null
env "${GEO_ENV[@]}" "$BIN/geocoding" import-plz "$PLZ_FILE" >"$WORK/import.json" 2>"$WORK/import.log" \
  || { cat "$WORK/import.log" >&2; exit 1; }
psql "$DIRECT" -v ON_ERROR_STOP=1 -q >/dev/null <<SQL
TRUNCATE matching_service.therapeut_anfrage_patient, matching_service.therapeutenanfrage, matching_service.platzsuche RESTART IDENTITY;
TRUNCATE geocoding_service.distance_cache;
INSERT INTO matching_service.platzsuche (patient_id, created_at)
SELECT g, (now() AT TIME ZONE 'utc') - ($PATIENTS - g) * interval '1 minute' FROM generate_series(1, $PATIENTS) g;
VACUUM ANALYZE matching_service.platzsuche;
SQL
psql "$DIRECT" -tAc "SELECT DISTINCT left(plz, 2) FROM therapist_service.therapeuten WHERE status = 'aktiv' ORDER BY 1" >"$WORK/prefixes.txt"
psql "$DIRECT" -tAc "SELECT id || ' 52' FROM therapist_service.therapeuten WHERE status = 'aktiv' AND plz LIKE '52%' ORDER BY id" \
  >"$WORK/bundle-therapists.txt"
bench_pgbench_init

PIDS=()
start_peer() { # name port-variable port env…
  local name=$1 key=$2 port=$3; shift 3
  env LOG_LEVEL="${BENCH_LOG_LEVEL:-warning}" SERVICE_HOST=127.0.0.1 "$key=$port" "$@" "$BIN/$name" >"$WORK/$name.log" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 200); do curl -fs "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && return; sleep 0.05; done
  echo "$name not ready:" >&2; tail -20 "$WORK/$name.log" >&2; exit 1
}
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; bench_cleanup' EXIT
bench_free_port 18221; P_PORT=$PORT
start_peer patient PATIENT_SERVICE_INTERNAL_PORT "$P_PORT" MATCHING_SERVICE_URL=http://127.0.0.1:9/ \
  COMMUNICATION_SERVICE_URL=http://127.0.0.1:9/ PATIENT_IMPORT_LOCAL_PATH="$WORK/imports" \
  PATIENT_IMPORT_CHECK_INTERVAL_SECONDS=3600 HMAC_SECRET_KEY=bench OBJECT_STORAGE_BACKEND=local \
  OBJECT_STORAGE_LOCAL_PATH="$WORK/storage"
bench_free_port $((P_PORT + 1)); T_PORT=$PORT
start_peer therapist THERAPIST_SERVICE_INTERNAL_PORT "$T_PORT" MATCHING_SERVICE_URL=http://127.0.0.1:9/ \
  COMMUNICATION_SERVICE_URL=http://127.0.0.1:9/ THERAPIST_IMPORT_FOLDER_PATH="$WORK/import" \
  THERAPIST_IMPORT_CHECK_INTERVAL_SECONDS=86400 THERAPIST_PDF_STORAGE_PATH="$WORK/pdfs"
bench_free_port $((T_PORT + 1)); G_PORT=$PORT
start_peer geocoding GEOCODING_SERVICE_INTERNAL_PORT "$G_PORT" "${GEO_ENV[@]}"

bench_free_port $((G_PORT + 1))
# shellcheck disable=SC2086
env LOG_LEVEL="${BENCH_LOG_LEVEL:-warning}" SERVICE_HOST=127.0.0.1 MATCHING_SERVICE_INTERNAL_PORT="$PORT" \
  PATIENT_SERVICE_URL="http://127.0.0.1:$P_PORT" THERAPIST_SERVICE_URL="http://127.0.0.1:$T_PORT" \
  GEOCODING_SERVICE_URL="http://127.0.0.1:$G_PORT" COMMUNICATION_SERVICE_URL=http://127.0.0.1:9 \
  FOLLOW_UP_REMINDERS_ENABLED=false ${BENCH_ENV:-} "$BIN/matching" >"$WORK/service.log" 2>&1 &
PID=$!
bench_wait_ready

check 200 GET "/api/therapeuten-zur-auswahl?plz_prefix=52"
selected=$(grep -o '"total":[0-9]*' "$WORK/check.json" | head -1 | cut -d: -f2)
selection_bytes=$(wc -c <"$WORK/check.json")

bench_anchor
run selection /api/therapeuten-zur-auswahl bench/matching/prefixes.lua "$WORK/prefixes.txt"

echo "warming the geocoding cache: one bundle per active therapist of PLZ 52..." >&2
created=0
while read -r id prefix; do
  code=$(curl -s -o "$WORK/bundle.json" -w '%{http_code}' -H 'Content-Type: application/json' \
    --data-binary "{\"therapist_id\": $id, \"plz_prefix\": \"$prefix\"}" "$URL/api/therapeutenanfragen/erstellen-fuer-therapeut")
  case $code in 201) created=$((created + 1)) ;; 200) ;; *) echo "bundle for $id answered $code: $(head -c 300 "$WORK/bundle.json")" >&2; exit 1 ;; esac
done <"$WORK/bundle-therapists.txt"
[ "$created" -gt 0 ] || { echo "no bundle was created while warming" >&2; exit 1; }
CONNS=1 run bundle /api/therapeutenanfragen/erstellen-fuer-therapeut bench/matching/bundle.lua "$WORK/bundle-therapists.txt"
bundles=$(psql "$DIRECT" -tAc "SELECT count(*), round(avg(anfragegroesse), 1) FROM matching_service.therapeutenanfrage")
HWM=$(awk '/^VmHWM/{printf "%.1f", $2/1024}' "/proc/$PID/status")

# --- summary ------------------------------------------------------------------------------------
echo
echo "# matching service: $PATIENTS patients with active searches, $THERAPISTS therapists; $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "$anchor"
BENCH_LABEL_WIDTH=40
bench_table "selection=GET therapeuten-zur-auswahl (c32)" "bundle=POST erstellen-fuer-therapeut (c1)"
echo "(service = the matching process only; the patient, therapist and geocoding processes count as other."
echo " selection: $(wc -l <"$WORK/prefixes.txt") prefixes, PLZ 52… offers $selected therapists ($selection_bytes bytes);"
echo " bundles: $(wc -l <"$WORK/bundle-therapists.txt") therapists of PLZ 52…, $created created while warming, after the run"
echo " count|avg size = $bundles; matching VmHWM after all runs $HWM MiB)"
echo
echo "# targets (issue 8)"
target "GET therapeuten-zur-auswahl: ${RPS[selection]} req/s at c$CONNS, >= $MIN_SELECTION" \
  "$(( $(ge "${RPS[selection]}" $MIN_SELECTION) & $(clean selection) ))"
target "p99 selection: ${P99[selection]} ms, <= $MAX_SELECTION_P99_MS ms" "$(le "${P99[selection]}" $MAX_SELECTION_P99_MS)"
target "p99 bundle creation (cache warm): ${P99[bundle]} ms, <= $MAX_BUNDLE_P99_MS ms" \
  "$(( $(le "${P99[bundle]}" $MAX_BUNDLE_P99_MS) & $(clean bundle) ))"
exit 0
