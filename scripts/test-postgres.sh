#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster plus PgBouncer (transaction pooling) for the Postgres tests.
#   start       create (if needed) and start both; prints the variables like `env`
#   stop        stop both and delete the cluster
#   env         print `export TEST_DB_…=…` lines for the running cluster
#   pg-stop     stop only PostgreSQL (pg_ctl -m fast): the tests' restart scenario
#   pg-start    start PostgreSQL again and wait until it accepts connections
# Everything lives under .run/test-postgres/ and runs as the `postgres` user (PostgreSQL
# refuses root). Ports: the first free ones from 55433 (PostgreSQL) and 56433 (PgBouncer).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD/.run/test-postgres
BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
DB=curavani_test ROLE=curavani_test PASSWORD=test-password-not-secret
as_pg() { if [ "$(id -un)" = postgres ]; then "$@"; else runuser -u postgres -- "$@"; fi; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local p=$1; while ! port_free "$p"; do p=$((p + 1)); done; echo "$p"; }
pg_ctl() { as_pg "$BIN/pg_ctl" -D "$ROOT/data" -l "$ROOT/postgres.log" "$@"; }

print_env() {
  [ -f "$ROOT/ports" ] || { echo "test-postgres: not started" >&2; exit 1; }
  . "$ROOT/ports"
  cat <<VARS
export TEST_DB_HOST=127.0.0.1 TEST_DB_PORT=$PG_PORT TEST_DB_NAME=$DB TEST_DB_USER=$ROLE TEST_DB_PASSWORD=$PASSWORD
export TEST_PGBOUNCER_HOST=127.0.0.1 TEST_PGBOUNCER_PORT=$BOUNCER_PORT
export TEST_DATABASE_URL=postgres://$ROLE:$PASSWORD@127.0.0.1:$PG_PORT/$DB
export TEST_POOLED_DATABASE_URL=postgres://$ROLE:$PASSWORD@127.0.0.1:$BOUNCER_PORT/$DB
export TEST_POSTGRES_CONTROL=$PWD/scripts/test-postgres.sh
VARS
}

start() {
  if [ -f "$ROOT/ports" ] && as_pg "$BIN/pg_ctl" -D "$ROOT/data" status >/dev/null 2>&1; then print_env; return; fi
  rm -rf "$ROOT"; mkdir -p "$ROOT/sock"
  local pg_port bouncer_port
  pg_port=$(free_port 55433); bouncer_port=$(free_port 56433)
  [ "$bouncer_port" != "$pg_port" ] || bouncer_port=$(free_port $((pg_port + 1)))
  chown -R postgres:postgres "$ROOT"; chmod 755 "$PWD/.run"
  printf '%s\n' "$PASSWORD" >"$ROOT/pwfile"; chown postgres "$ROOT/pwfile"
  as_pg "$BIN/initdb" -D "$ROOT/data" -U postgres --auth-local=trust --auth-host=md5 \
    --encoding=UTF8 --locale=C.UTF-8 >"$ROOT/initdb.log"
  cat >>"$ROOT/data/postgresql.conf" <<CONF
port = $pg_port
listen_addresses = '127.0.0.1'
unix_socket_directories = '$ROOT/sock'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
  pg_ctl -w -o "-k $ROOT/sock" start >/dev/null
  as_pg "$BIN/psql" -h "$ROOT/sock" -p "$pg_port" -U postgres -d postgres -q -v ON_ERROR_STOP=1 <<SQL
CREATE ROLE $ROLE LOGIN PASSWORD '$PASSWORD';
CREATE DATABASE $DB OWNER $ROLE;
ALTER DATABASE $DB SET TimeZone = 'UTC';
ALTER DATABASE $DB SET DateStyle = 'ISO, YMD';
SQL
  printf '"%s" "%s"\n' "$ROLE" "$PASSWORD" >"$ROOT/userlist.txt"
  cat >"$ROOT/pgbouncer.ini" <<INI
[databases]
$DB = host=127.0.0.1 port=$pg_port dbname=$DB
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $bouncer_port
unix_socket_dir =
auth_type = md5
auth_file = $ROOT/userlist.txt
pool_mode = transaction
max_client_conn = 500
default_pool_size = 20
ignore_startup_parameters = extra_float_digits
logfile = $ROOT/pgbouncer.log
pidfile = $ROOT/pgbouncer.pid
INI
  chown postgres:postgres "$ROOT"/*.ini "$ROOT"/userlist.txt
  as_pg pgbouncer -d -q "$ROOT/pgbouncer.ini"
  for _ in $(seq 100); do port_free "$bouncer_port" || break; sleep 0.05; done
  printf 'PG_PORT=%s\nBOUNCER_PORT=%s\n' "$pg_port" "$bouncer_port" >"$ROOT/ports"
  print_env
}

stop() {
  [ -d "$ROOT" ] || return 0
  [ -f "$ROOT/pgbouncer.pid" ] && kill "$(cat "$ROOT/pgbouncer.pid")" 2>/dev/null || true
  [ -d "$ROOT/data" ] && pg_ctl -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$ROOT"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) print_env ;;
  pg-stop) pg_ctl -m fast -w stop >/dev/null ;;
  pg-start) . "$ROOT/ports"; pg_ctl -w -o "-k $ROOT/sock" start >/dev/null ;;
  *) echo "usage: $0 start|stop|env|pg-stop|pg-start" >&2; exit 2 ;;
esac
