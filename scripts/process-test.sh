#!/usr/bin/env bash
# Process-level check of the six real executables: each starts on its port, answers /health,
# `<binary> healthcheck` exits 0 while it runs and 1 once it is gone, and on SIGTERM exits with code 0 within the 30 s budget; invalid configuration exits with 2
# and names every problem at once.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN_DIR:-$(swift build --show-bin-path)}
# The services with a schema need the throwaway database `make test` started.
: "${TEST_DB_HOST:?run through make test (scripts/test-postgres.sh provides the database)}"
export DB_HOST=$TEST_DB_HOST DB_PORT=$TEST_DB_PORT DB_NAME=$TEST_DB_NAME DB_USER=$TEST_DB_USER \
  DB_PASSWORD=$TEST_DB_PASSWORD PGBOUNCER_HOST=$TEST_PGBOUNCER_HOST PGBOUNCER_PORT=$TEST_PGBOUNCER_PORT
# The patient service's importer needs its folders, key and storage.
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export PATIENT_IMPORT_LOCAL_PATH=$work/imports PATIENT_IMPORT_CHECK_INTERVAL_SECONDS=300 HMAC_SECRET_KEY=process-test-key \
  OBJECT_STORAGE_BACKEND=local OBJECT_STORAGE_LOCAL_PATH=$work/storage
# The geocoding service's upstreams (never called by this test).
export OSM_API_URL=http://127.0.0.1:9 OSRM_API_URL=http://127.0.0.1:9 OSM_USER_AGENT=curavani-process-test
# The therapist service's importer and PDF folders.
export THERAPIST_IMPORT_FOLDER_PATH=$work/therapist_import THERAPIST_IMPORT_CHECK_INTERVAL_SECONDS=86400 \
  THERAPIST_PDF_STORAGE_PATH=$work/therapist_pdfs
port=18200 failures=0
for name in patient therapist matching communication geocoding gateway; do
  key=$(echo "$name" | tr a-z A-Z)_SERVICE_INTERNAL_PORT; [ "$name" = gateway ] && key=GATEWAY_INTERNAL_PORT
  log=$(mktemp)
  if [ "$name" != gateway ]; then "$BIN/$name" migrate up >>"$log" 2>&1 || { echo "FAIL $name: migrate up"; cat "$log"; failures=$((failures + 1)); }; fi
  env LOG_LEVEL=info "$key=$port" SERVICE_HOST=127.0.0.1 "$BIN/$name" >"$log" 2>&1 &
  pid=$!
  ok=0
  for _ in $(seq 200); do
    if curl -fs "http://127.0.0.1:$port/health" | grep -q "\"service\":\"$name-service\""; then ok=1; break; fi
    kill -0 $pid 2>/dev/null || break
    sleep 0.05
  done
  hc=1; [ $ok -eq 1 ] && env "$key=$port" "$BIN/$name" healthcheck && hc=0
  start=$(date +%s%N)
  kill -TERM $pid 2>/dev/null || true
  code=0; wait $pid || code=$?
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  after=0; env "$key=$port" "$BIN/$name" healthcheck || after=1
  if [ $ok -eq 1 ] && [ $hc -eq 0 ] && [ $after -eq 1 ] && [ $code -eq 0 ] && [ $ms -lt 30000 ]; then
    echo "ok   $name: served /health on :$port, healthcheck 0 while up and 1 after, SIGTERM -> exit 0 in ${ms} ms"
  else
    echo "FAIL $name: health=$ok healthcheck=$hc/$after exit=$code after ${ms} ms"; tail -5 "$log"; failures=$((failures + 1))
  fi
  rm -f "$log"; port=$((port + 1))
done
out=$(env PATIENT_SERVICE_INTERNAL_PORT=80a LOG_LEVEL=loud HTTP_MAX_CONNECTIONS=0 "$BIN/patient" 2>&1) && code=0 || code=$?
if [ $code -eq 2 ] && grep -q 'PATIENT_SERVICE_INTERNAL_PORT' <<<"$out" && grep -q 'LOG_LEVEL' <<<"$out" && grep -q 'HTTP_MAX_CONNECTIONS' <<<"$out"; then
  echo "ok   invalid configuration: exit 2, all three problems reported in one line"
else
  echo "FAIL invalid configuration: exit $code: $out"; failures=$((failures + 1))
fi
echo "$((7 - failures)) passed, $failures failed"
[ $failures -eq 0 ]
