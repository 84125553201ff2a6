#!/usr/bin/env bash
# The therapist import benchmark (target: 5,000 therapists from files in <= 10 s against the
# real database). Generates 5,000 realistic records over ~500 ZIP files (bench/therapist/
# generate.py), applies the therapist migrations with the release binary, then times three
# `therapist import-now` runs through PgBouncer:
#   1. first import (all creates), 2. the same files again (all unchanged, no writes),
#   3. a newer date folder where every 7th therapist has a new phone number (updates).
# Uses the running test cluster (scripts/test-postgres.sh; started if needed, never stopped:
# other checkouts may share it). Bench rows get PLZ 10007… and are deleted before and after.
# usage: bench/therapist-import.sh [count=5000]
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-5000} MAX_SECONDS=10
swift build -c release --static-swift-stdlib --product therapist >/dev/null
BIN=$(swift build -c release --static-swift-stdlib --show-bin-path)
WORK=$(mktemp -d /tmp/therapist-import-bench.XXXXXX)
CONTROL=${TEST_POSTGRES_CONTROL:-scripts/test-postgres.sh}
eval "$("$CONTROL" env 2>/dev/null || "$CONTROL" start)"
export DB_HOST=$TEST_DB_HOST DB_PORT=$TEST_DB_PORT DB_NAME=$TEST_DB_NAME DB_USER=$TEST_DB_USER \
  DB_PASSWORD=$TEST_DB_PASSWORD PGBOUNCER_HOST=$TEST_PGBOUNCER_HOST PGBOUNCER_PORT=$TEST_PGBOUNCER_PORT
DIRECT="host=$DB_HOST port=$DB_PORT dbname=$DB_NAME user=$DB_USER password=$DB_PASSWORD"
# PLZ of generated files: 5 digits from 10007 in steps of 7; nothing else in the tests uses them.
CLEAN="DELETE FROM therapist_service.therapeuten WHERE plz ~ '^1[0-9]{4}$' AND ort = 'Beispielstadt'"
cleanup() { psql "$DIRECT" -qc "$CLEAN" >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT

export LOG_LEVEL=${BENCH_LOG_LEVEL:-warning} THERAPIST_IMPORT_FOLDER_PATH="$WORK/scrape" \
  THERAPIST_IMPORT_CHECK_INTERVAL_SECONDS=86400 MATCHING_SERVICE_URL=http://127.0.0.1:9 \
  COMMUNICATION_SERVICE_URL=http://127.0.0.1:9 MIGRATIONS_DIR=migrations/therapist
"$BIN/therapist" migrate up >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log" >&2; exit 1; }
psql "$DIRECT" -qc "$CLEAN" >/dev/null
python3 bench/therapist/generate.py "$WORK/scrape" "$COUNT" 20261120 0
run() { # label
  local start end code=0
  start=$(date +%s.%N)
  "$BIN/therapist" import-now >"$WORK/out" 2>"$WORK/err" || code=$?
  end=$(date +%s.%N)
  printf '%-34s %6.2f s  exit %s  %s\n' "$1" "$(awk -v a="$start" -v b="$end" 'BEGIN{print b - a}')" "$code" "$(tail -1 "$WORK/out")"
  awk -v a="$start" -v b="$end" -v m=$MAX_SECONDS 'BEGIN{exit !(b - a <= m)}' || echo "  FAIL: over $MAX_SECONDS s"
}
echo "# therapist import-now, $COUNT therapists, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs, load $(cut -d' ' -f1-3 /proc/loadavg)"
run "1. first import (creates)"
run "2. same files again (unchanged)"
python3 bench/therapist/generate.py "$WORK/scrape" "$COUNT" 20261121 1
run "3. newer folder, 1 in 7 changed"
echo "rows: $(psql "$DIRECT" -Atc "SELECT count(*) FROM therapist_service.therapeuten WHERE ort = 'Beispielstadt'")"
