#!/usr/bin/env bash
# A private PostgreSQL cluster and PgBouncer (transaction pooling) per environment, natively:
#   dev 5432/6432, test 5433/6433, prod 5434/6434; data under .data/<env>/ (git-ignored).
# PostgreSQL and PgBouncer refuse root, so both run as the `postgres` user. Credentials come
# from .env.<env> (created by scripts/env-file.sh on first use). Idempotent: `up` on a running
# environment changes nothing and says so.
# usage: scripts/pg-env.sh up|down|status|check|psql <env>
set -euo pipefail
cd "$(dirname "$0")/.."
action=${1:?usage: pg-env.sh up|down|status|check|psql <env>}; env=${2:-dev}
case $env in dev|test|prod) ;; *) echo "unknown environment '$env' (dev|test|prod)" >&2; exit 2 ;; esac
scripts/env-file.sh "$env" >/dev/null
[ "$action" = up ] && scripts/env-file.sh require-secrets "$env"
set -a; . "./.env.$env"; set +a
PGBIN=${PGBIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
root=$PWD/.data/$env
pgdata=$root/postgres; sockets=$root/run; bouncer=$root/pgbouncer
as_pg() { runuser -u postgres -- "$@"; }
superuser_psql() { as_pg "$PGBIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$sockets" -p "$DB_PORT" -U postgres "$@"; }
pg_running() { [ -f "$pgdata/PG_VERSION" ] && as_pg "$PGBIN/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; }
bouncer_running() { [ -f "$bouncer/pgbouncer.pid" ] && kill -0 "$(cat "$bouncer/pgbouncer.pid")" 2>/dev/null; }

init_cluster() {
  mkdir -p "$root" "$sockets" "$bouncer"
  chown postgres:postgres "$root" "$sockets" "$bouncer"
  chmod 0700 "$root"
  # Data checksums on (corruption is detected, reliability.md §2.1); local socket trust is
  # for the postgres superuser only, TCP always needs the role's password.
  as_pg "$PGBIN/initdb" -D "$pgdata" --data-checksums --encoding=UTF8 --locale=C.UTF-8 \
    --auth-local=trust --auth-host=scram-sha-256 -U postgres >"$root/initdb.log"
  cat >>"$pgdata/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $DB_PORT
unix_socket_directories = '$sockets'
max_connections = 200
logging_collector = off
timezone = 'UTC'
CONF
  echo "initialised PostgreSQL cluster for $env in $pgdata"
}

ensure_db() {  # values travel as psql variables, never pasted into SQL text
  superuser_psql -d postgres -v role="$DB_USER" -v password="$DB_PASSWORD" -v db="$DB_NAME" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role')\gexec
ALTER ROLE :"role" LOGIN PASSWORD :'password';
SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'role') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db')\gexec
-- Pooled connections cannot send startup options through PgBouncer: the database's defaults
-- give every session the fixed text formats the services parse.
ALTER DATABASE :"db" SET "TimeZone" TO 'UTC';
ALTER DATABASE :"db" SET "DateStyle" TO 'ISO, YMD';
SQL
}

write_bouncer_config() {
  cat >"$bouncer/pgbouncer.ini" <<INI
[databases]
$DB_NAME = host=127.0.0.1 port=$DB_PORT dbname=$DB_NAME
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $PGBOUNCER_PORT
unix_socket_dir = $sockets
auth_type = scram-sha-256
auth_file = $bouncer/userlist.txt
pool_mode = transaction
max_client_conn = 500
default_pool_size = 20
server_reset_query =
ignore_startup_parameters = extra_float_digits,options
pidfile = $bouncer/pgbouncer.pid
logfile = $bouncer/pgbouncer.log
INI
  printf '"%s" "%s"\n' "$DB_USER" "$DB_PASSWORD" >"$bouncer/userlist.txt"
  chown postgres:postgres "$bouncer/pgbouncer.ini" "$bouncer/userlist.txt"
  chmod 0600 "$bouncer/userlist.txt"
}

up() {
  local changed=0
  [ -f "$pgdata/PG_VERSION" ] || { init_cluster; changed=1; }
  if ! pg_running; then
    as_pg "$PGBIN/pg_ctl" -D "$pgdata" -l "$root/postgres.log" -w -t 30 start >/dev/null
    echo "started PostgreSQL ($env) on 127.0.0.1:$DB_PORT"; changed=1
  fi
  ensure_db
  write_bouncer_config
  if ! bouncer_running; then
    as_pg pgbouncer -d -q "$bouncer/pgbouncer.ini"
    for _ in $(seq 50); do bouncer_running && break; sleep 0.1; done
    bouncer_running || { echo "PgBouncer ($env) did not start: $bouncer/pgbouncer.log" >&2; exit 1; }
    echo "started PgBouncer ($env) on 127.0.0.1:$PGBOUNCER_PORT"; changed=1
  fi
  check
  [ $changed -eq 1 ] || echo "PostgreSQL and PgBouncer ($env) already running: nothing to do"
}

down() {
  if bouncer_running; then kill -INT "$(cat "$bouncer/pgbouncer.pid")"; echo "stopped PgBouncer ($env)"; fi
  if pg_running; then as_pg "$PGBIN/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null; echo "stopped PostgreSQL ($env)"; fi
}

check() {  # the role can log in directly and through PgBouncer
  PGPASSWORD=$DB_PASSWORD "$PGBIN/psql" -X -Atq -h 127.0.0.1 -p "$DB_PORT" -U "$DB_USER" -d "$DB_NAME" -c 'select 1' >/dev/null \
    || { echo "PostgreSQL ($env): cannot connect as $DB_USER to $DB_NAME on :$DB_PORT" >&2; exit 1; }
  PGPASSWORD=$DB_PASSWORD "$PGBIN/psql" -X -Atq -h 127.0.0.1 -p "$PGBOUNCER_PORT" -U "$DB_USER" -d "$DB_NAME" -c 'select 1' >/dev/null \
    || { echo "PgBouncer ($env): cannot connect as $DB_USER to $DB_NAME on :$PGBOUNCER_PORT" >&2; exit 1; }
  echo "database ($env) ok: postgresql://$DB_USER@127.0.0.1:$DB_PORT/$DB_NAME, pooled on :$PGBOUNCER_PORT"
}

status() {
  pg_running && echo "PostgreSQL ($env) running on :$DB_PORT" || echo "PostgreSQL ($env) stopped"
  bouncer_running && echo "PgBouncer ($env) running on :$PGBOUNCER_PORT" || echo "PgBouncer ($env) stopped"
}

psql_shell() { PGPASSWORD=$DB_PASSWORD exec "$PGBIN/psql" -h 127.0.0.1 -p "$PGBOUNCER_PORT" -U "$DB_USER" -d "$DB_NAME"; }

case $action in
  up) up ;; down) down ;; status) status ;; check) check ;; psql) psql_shell ;;
  *) echo "unknown action '$action'" >&2; exit 2 ;;
esac
