#!/usr/bin/env bash
# PostgresPool against the database anchor ../shared/bench/pgbench.sh (pgbench -S -c 8 through
# PgBouncer in transaction mode), in the same run on a throwaway cluster (scripts/test-postgres.sh):
# pgbench first, then PoolBench (8 client tasks, pool max 8, pooled endpoint) doing SELECT 1 and
# the pgbench -S primary-key read. Figures go to docs/benchmarks.md by hand.
# usage: bench/pg.sh [seconds=10]
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED=${SHARED_DIR:-../shared}
SECS=${1:-10} CLIENTS=8
swift build -c release --static-swift-stdlib --product PoolBench >/dev/null
BIN=$(swift build -c release --static-swift-stdlib --show-bin-path)
trap 'scripts/test-postgres.sh stop' EXIT
eval "$(scripts/test-postgres.sh start)"
export DB_HOST=$TEST_DB_HOST DB_PORT=$TEST_DB_PORT DB_NAME=$TEST_DB_NAME DB_USER=$TEST_DB_USER \
  DB_PASSWORD=$TEST_DB_PASSWORD PGBOUNCER_HOST=$TEST_PGBOUNCER_HOST PGBOUNCER_PORT=$TEST_PGBOUNCER_PORT
CONN="host=$PGBOUNCER_HOST port=$PGBOUNCER_PORT dbname=$DB_NAME user=$DB_USER password=$DB_PASSWORD"
# Create the pgbench tables (scale 10) once; pgbench.sh would do it too, but quietly inside its timing run.
if ! psql "$CONN" -Atqc "select 1 from pgbench_accounts limit 1" >/dev/null 2>&1; then
  echo "initialising pgbench tables (scale 10)..." >&2
  pgbench -i -s 10 -q "$CONN" >/dev/null 2>&1
fi
anchor=$(bash "$SHARED/bench/pgbench.sh" "$CONN" "$CLIENTS" "$SECS")
select1=$("$BIN/PoolBench" select1 "$SECS" "$CLIENTS")
pk=$("$BIN/PoolBench" pk "$SECS" "$CLIENTS")
printf '%s\n%s\n%s\n' "$anchor" "$select1" "$pk"
tps() { sed -E 's/.*TPS ([0-9]+).*/\1/' <<<"$1"; }
awk -v a="$(tps "$anchor")" -v s="$(tps "$select1")" -v p="$(tps "$pk")" \
  'BEGIN{printf "ratio (ours / pgbench -S TPS, target >= 0.7): SELECT 1 %.2f, pk read %.2f\n", s/a, p/a}'
